// The OpenAPI 3.1 document, assembled from the very zod schemas the handlers parse with, so the
// contract and the code cannot drift apart.
import { z } from "zod";
import { MAX_BODY_BYTES } from "~/server/rest/handler";
import * as s from "~/modules/lending/schemas";
import * as inv from "~/modules/inventory/api-schemas";
import { apiQuoteCreatedSchema, apiQuoteInputSchema } from "~/modules/quotes/api-schemas";
import { MAX_FILE_MB } from "~/modules/inventory/parse-file";
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
  InventoryUpsert: inv.upsertInventoryInputSchema,
  InventoryUpsertResult: inv.upsertInventoryResultSchema,
  InventoryList: inv.inventoryListSchema,
  QuoteInput: apiQuoteInputSchema,
  QuoteCreated: apiQuoteCreatedSchema,
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
      title: "Keyturn API: lenders and dealer inventory",
      version: "1.0.0",
      description:
        "Lenders pull pre-approval requests for quotes on Keyturn and post decisions; dealers keep their stock in sync (`/inventory`). " +
        "Authenticate with `Authorization: Bearer <key>` (keys in the URL are refused). A lender key opens the lender endpoints and a dealer key only `/inventory` and `/leads/{id}/quotes`; " +
        "the other kind is refused with 401, as an unknown key is. " +
        "Every error has the shape `{ \"error\": { \"code\", \"message\" } }`. Decisions require an `Idempotency-Key`. " +
        `Bodies are limited to ${MAX_BODY_BYTES} bytes, except PUT /inventory (${inv.INVENTORY_JSON_MAX_BYTES} bytes of JSON, or a ${MAX_FILE_MB} MB CSV). ` +
        `Webhooks: events are POSTed signed to your endpoint; de-duplicate on the event id. ${describeWebhookRetries()}`,
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A key created in the lender console, or on a dealer's API keys page for /inventory (kt_live_… or kt_test_…)." } },
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
      "/inventory": {
        get: {
          operationId: "listInventory",
          summary: "List your units (dealer key)",
          description: "In VIN order, keyset-paged: a sync reads every unit once even while prices change. A test key sees no units.",
          parameters: queryParams(inv.inventoryListQuerySchema.shape),
          responses: {
            "200": { description: "A page of units, each in the shape PUT takes", content: json("InventoryList") },
            "400": error(`A query parameter unknown or out of range (limit 1–100, a known status, a cursor from the previous page), or ${keyInUrl}`),
            ...common,
          },
        },
        put: {
          operationId: "upsertInventory",
          summary: "Add or update units (dealer key)",
          description:
            `Up to ${inv.MAX_UNITS_PER_CALL} units per call, matched to your stock by VIN: new VINs are added, changed units updated, identical ones left alone (their updatedAt too). ` +
            "Each unit is checked as a CSV import's row is (VIN check digit, year against the VIN, price $1–$500,000, mileage unless new); refused units are listed in `rejected` and the rest are written. " +
            "With `fullFeed: true`, AVAILABLE units not named are marked SOLD (a refused unit still counts as named). Open quotes on repriced or sold units are flagged for the buyer. " +
            `Send \`Content-Type: text/csv\` to upload a feed file instead (UTF-8, at most ${MAX_FILE_MB} MB, the import's header names; \`?fullFeed=true\`). ` +
            "Retrying with the same Idempotency-Key and body replays the stored response; the same key with a different body is refused with 422. A test key is a dry run.",
          parameters: [...queryParams(inv.csvPutQuerySchema.shape), { name: "Idempotency-Key", in: "header", required: true, schema: { type: "string", minLength: 1, maxLength: 255 } }],
          requestBody: { required: true, content: { ...json("InventoryUpsert"), "text/csv": { schema: { type: "string" } } } },
          responses: {
            "200": { description: "Written (or, for a test key, what would be); replays carry Idempotent-Replayed: true", content: json("InventoryUpsertResult") },
            "400": error(`Malformed JSON, a CSV that is not UTF-8 or not valid CSV or lacks columns, a missing Idempotency-Key, a query parameter on a JSON body, or ${keyInUrl}`),
            "413": error("Body too large"),
            "422": error("Invalid units (wrong types, unknown fields, none or too many), or Idempotency-Key reused with a different body"),
            ...common,
          },
        },
      },
      "/leads/{id}/quotes": {
        post: {
          operationId: "createQuote",
          summary: "Quote one of your leads (dealer key)",
          description:
            "The same checks as the dashboard's quote form: the lead must be yours and open, the car must answer the request (new or used, no trade-in offer without a trade-in), " +
            "not be a car the buyer already owns, and keep the buyer's own terms (no add-ons, a cap on dealer fees, a minimum validity, in stock only). " +
            "A refused line is named in the message, e.g. `addOnsCents: The buyer asked for no add-ons.` Totals are computed by Keyturn. " +
            "A second quote on a lead with a live one is refused with 409 (revise it in the dashboard), so a retry after a lost response cannot send two. " +
            "A test key runs every check and stores nothing (`dryRun: true`, status 200).",
          parameters: [idParam],
          requestBody: { required: true, content: json("QuoteInput") },
          responses: {
            "201": { description: "Sent to the buyer", content: json("QuoteCreated") },
            "200": { description: "Test key: every check passed; nothing was sent", content: json("QuoteCreated") },
            "400": error(`Malformed JSON, a line that breaks the buyer's terms or the request (named in the message), or ${keyInUrl}`),
            "403": error("Your dealership is not verified yet"),
            "404": error("No such lead among yours"),
            "409": error("The request is closed, you passed on it, or you already have a live quote on it"),
            "413": error("Body too large"),
            "422": error("Invalid fields (wrong types, unknown fields, amounts out of range, a validity outside the allowed window)"),
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
