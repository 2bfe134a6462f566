// Every route of the REST API (the lender API and the dealer inventory API), once. Both servers take
// them from here: the lender API process (./node-server.ts) and the web app's route files under src/app/api/v1.
import { notFound } from "~/server/errors";
import { decisionInputSchema, listQuerySchema } from "~/modules/lending/schemas";
import { getPreApproval, listDecisions, listPreApprovals, postDecision } from "~/modules/lender-api/operations";
import { apiRoute, idSchema, parseQuery, type RestRoute } from "./handler";
import { requireIdempotencyKey } from "./idempotency";
import { listInventoryRoute, postQuoteRoute, putInventoryRoute } from "./inventory-routes";

const decisionsQuery = listQuerySchema.omit({ status: true });

export const listPreApprovalsRoute = apiRoute(async ({ req, caller }) => ({ body: await listPreApprovals(caller, parseQuery(req, listQuerySchema)) }));

export const getPreApprovalRoute = apiRoute<{ id: string }>(async ({ caller, params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw notFound("No such pre-approval request.");
  return { body: await getPreApproval(caller, id.data) };
});

export const postDecisionRoute = apiRoute<{ id: string }>(async ({ req, caller, params, json }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw notFound("No such pre-approval request.");
  const key = requireIdempotencyKey(req.header("idempotency-key"), "decision");
  const decision = decisionInputSchema.parse(await json());
  const out = await postDecision(caller, id.data, decision, key);
  return { status: out.status, body: out.body, headers: out.replayed ? { "idempotent-replayed": "true" } : undefined };
});

export const listDecisionsRoute = apiRoute(async ({ req, caller }) => ({ body: await listDecisions(caller, parseQuery(req, decisionsQuery)) }));

type Entry = { method: "GET" | "POST" | "PUT"; pattern: RegExp; route: RestRoute<{ id: string }> | RestRoute<Record<string, string>> };

/** Path patterns; a capture group is the `id` parameter. */
export const routeTable: Entry[] = [
  { method: "GET", pattern: /^\/api\/v1\/pre-approvals$/, route: listPreApprovalsRoute },
  { method: "GET", pattern: /^\/api\/v1\/pre-approvals\/([^/]+)$/, route: getPreApprovalRoute },
  { method: "POST", pattern: /^\/api\/v1\/pre-approvals\/([^/]+)\/decisions$/, route: postDecisionRoute },
  { method: "GET", pattern: /^\/api\/v1\/decisions$/, route: listDecisionsRoute },
  { method: "GET", pattern: /^\/api\/v1\/inventory$/, route: listInventoryRoute },
  { method: "PUT", pattern: /^\/api\/v1\/inventory$/, route: putInventoryRoute },
  { method: "POST", pattern: /^\/api\/v1\/leads\/([^/]+)\/quotes$/, route: postQuoteRoute },
];
