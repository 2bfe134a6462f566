// The OpenAPI 3.1 document, assembled from the very zod schemas the handlers parse with, so the
// contract and the code cannot drift apart.
import { z } from "zod";
import { MAX_BODY_BYTES } from "~/server/rest/handler";
import * as s from "~/modules/lending/schemas";
import { RETENTION } from "~/modules/housekeeping/retention-rules";
import { describeWebhookRetries } from "~/modules/webhooks/retry-schedule";

const components = z.registry<{ id: string }>();
/** The zod schema behind each component, by id: what a response said to be `#/components/schemas/<id>` must parse with. */
export const componentSchemas: Record<string, z.ZodType> = {
  PreApproval: s.preApprovalSchema,
  PreApprovalDetail: s.preApprovalDetailSchema,
  PreApprovalList: s.listResponseSchema,
  DecisionInput: s.decisionInputSchema,
  DecisionResult: s.decisionResponseSchema,
  Error: s.errorSchema,
};
for (const [id, schema] of Object.entries(componentSchemas)) components.add(schema, { id });

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ "application/json": { schema: ref(id) } });
const error = (description: string) => ({ description, content: json("Error") });

function schemas() {
  const out = z.toJSONSchema(components, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}`, io: "input", unrepresentable: "any" });
  return Object.fromEntries(Object.entries(out.schemas).map(([k, v]) => {
    const { $schema: _s, $id: _i, ...rest } = v as Record<string, unknown>;
    return [k, rest];
  }));
}

function queryParams(shape: Record<string, z.ZodType>) {
  return Object.entries(shape).map(([name, schema]) => {
    const { $schema: _s, description, ...js } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    return { name, in: "query", required: false, description, schema: js };
  });
}

// Every operation can answer these. 400 is also an operation's own (its query or body), so each
// operation names its 400 with both causes.
const keyInUrl = "an API key sent in the URL (refused, whatever else the request holds)";
const common = {
  "401": error("Missing, invalid or revoked API key"),
  "429": { ...error("Rate limit exceeded"), headers: { "Retry-After": { description: "Seconds until the window resets", schema: { type: "integer" } } } },
  "500": error("Unexpected server error; retry (decisions with the same Idempotency-Key)"),
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };

export function openApiDocument(serverUrl = "/api/v1") {
  return {
    openapi: "3.1.0",
    info: {
      title: "Keyturn Lender API",
      version: "1.0.0",
      description:
        "Pull pre-approval requests for quotes on Keyturn and post decisions. Authenticate with `Authorization: Bearer <key>` (keys in the URL are refused). " +
        "Every error has the shape `{ \"error\": { \"code\", \"message\" } }`. Decisions require an `Idempotency-Key`. " +
        `Bodies are limited to ${MAX_BODY_BYTES} bytes. ` +
        `Webhooks: events are POSTed signed to your endpoint; de-duplicate on the event id. ${describeWebhookRetries()}`,
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A key created in the lender console (kt_live_… or kt_test_…)." } },
      schemas: schemas(),
    },
    paths: {
      "/pre-approvals": {
        get: {
          operationId: "listPreApprovals",
          summary: "List pre-approval requests",
          description: "Oldest first. Poll with status=pending to work your queue.",
          parameters: queryParams(s.listQuerySchema.shape),
          responses: { "200": { description: "A page of pre-approval requests", content: json("PreApprovalList") }, "400": error(`A query parameter unknown or out of range (limit 1–100, a known status, a cursor from the previous page), or ${keyInUrl}`), ...common },
        },
      },
      "/pre-approvals/{id}": {
        get: {
          operationId: "getPreApproval",
          summary: "Get one pre-approval request",
          description: "The quote's amount and vehicle, and only the applicant fields the buyer's consent allows. Each read is recorded in the buyer's access log.",
          parameters: [idParam],
          responses: { "200": { description: "The request", content: json("PreApprovalDetail") }, "400": error(`Refused: ${keyInUrl}`), "404": error("Not found (or not yours)"), ...common },
        },
      },
      "/pre-approvals/{id}/decisions": {
        post: {
          operationId: "postDecision",
          summary: "Decide on a pre-approval request",
          description:
            "Approve, approve with conditions, or decline. Decisions are ordered by `decisionVersion`: a higher version supersedes, a lower one is ignored (`applied: false`). " +
            "Retrying with the same Idempotency-Key and body replays the stored response; the same key with a different body is refused with 422. " +
            `Keys are remembered for ${RETENTION.idempotencyMs / 86_400_000} days; after that the same key is a new decision.`,
          parameters: [idParam, { name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", minLength: 1, maxLength: 255 } }],
          requestBody: { required: true, content: json("DecisionInput") },
          responses: {
            "201": { description: "Decision recorded", content: json("DecisionResult") },
            "200": { description: "Replayed, or ignored because a newer decision version exists", content: json("DecisionResult") },
            "400": error(`Malformed JSON, a missing Idempotency-Key, or ${keyInUrl}`),
            "404": error("Not found (or not yours)"),
            "409": error("The quote was revised, or the request was cancelled or expired"),
            "413": error("Body too large"),
            "422": error("Invalid decision, or Idempotency-Key reused with a different body"),
            ...common,
          },
        },
      },
      "/decisions": {
        get: {
          operationId: "listDecisions",
          summary: "List your decisions",
          description: "Newest first.",
          parameters: queryParams(s.listQuerySchema.omit({ status: true }).shape),
          responses: {
            "200": { description: "A page of decided pre-approvals", content: json("PreApprovalList") },
            "400": error(`A query parameter unknown or out of range (limit 1–100, a cursor from the previous page), or ${keyInUrl}`),
            ...common,
          },
        },
      },
    },
  };
}
