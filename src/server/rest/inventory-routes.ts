// The dealer inventory API: dealer keys only (dealerApiRoute), the lender API's auth, rate limit,
// idempotency and error shape. Listed in ./routes.ts with the lender routes, so both servers serve it.
import { z } from "zod";
import { apiUnitsToRows } from "~/modules/inventory/api-rows";
import { csvPutQuerySchema, INVENTORY_JSON_MAX_BYTES, inventoryListQuerySchema, upsertInventoryInputSchema } from "~/modules/inventory/api-schemas";
import { listInventoryForApi } from "~/modules/inventory/list-inventory-api";
import { MAX_FILE_BYTES, parseInventoryFile } from "~/modules/inventory/parse-file";
import { upsertInventory } from "~/modules/inventory/upsert-inventory";
import { apiQuoteInputSchema } from "~/modules/quotes/api-schemas";
import { submitQuoteInput } from "~/modules/quotes/schemas";
import { submitQuoteFromApi } from "~/modules/quotes/submit-quote-api";
import { notFound } from "~/server/errors";
import { dealerApiRoute, MAX_BODY_BYTES, parseQuery } from "./handler";
import { canonical, requestHash, requireIdempotencyKey } from "./idempotency";

const noQuery = z.object({}).strict();
const isCsv = (contentType: string | null) => /^text\/csv\b/i.test(contentType ?? "");

export const listInventoryRoute = dealerApiRoute(0, async ({ req, caller }) => ({ body: await listInventoryForApi(caller, parseQuery(req, inventoryListQuerySchema)) }));

/** JSON ({ units, fullFeed }) or, with Content-Type: text/csv, a feed file read by the CSV import's parser. */
export const putInventoryRoute = dealerApiRoute(INVENTORY_JSON_MAX_BYTES, async ({ req, caller, json }) => {
  const idempotencyKey = requireIdempotencyKey(req.header("idempotency-key"), "inventory write");
  let input;
  if (isCsv(req.header("content-type"))) {
    const fullFeed = parseQuery(req, csvPutQuerySchema).fullFeed === "true";
    const bytes = await req.bytes(MAX_FILE_BYTES);
    const parsed = parseInventoryFile(bytes);
    input = { rows: parsed.rows, bad: parsed.bad, received: parsed.total, fullFeed, requestHash: requestHash(`PUT /inventory text/csv fullFeed=${fullFeed}\n`, bytes) };
  } else {
    parseQuery(req, noQuery);
    const body = upsertInventoryInputSchema.parse(await json());
    input = { ...apiUnitsToRows(body.units), received: body.units.length, fullFeed: body.fullFeed, requestHash: requestHash("PUT /inventory\n", canonical(body)) };
  }
  const out = await upsertInventory(caller, { ...input, idempotencyKey });
  return { status: out.status, body: out.body, headers: out.replayed ? { "idempotent-replayed": "true" } : undefined };
});

// Lead ids are UUIDs (fan-out mints them in SQL), so they carry hyphens the shared idSchema refuses.
const leadIdSchema = z.string().regex(/^[a-z0-9-]{10,40}$/);

/** A quote on one of the dealer's leads; the form's checks and the buyer's terms apply (submit-quote-api.ts). */
export const postQuoteRoute = dealerApiRoute<{ id: string }>(MAX_BODY_BYTES, async ({ req, caller, params, json }) => {
  const id = leadIdSchema.safeParse(params.id);
  if (!id.success) throw notFound("Lead not found.");
  parseQuery(req, noQuery);
  const body = apiQuoteInputSchema.parse(await json());
  // The form's schema, cross-field rules included (incentives, validity window), on the same fields.
  const input = submitQuoteInput.parse({ ...body, leadId: id.data });
  const { inventoryUnitId: _unit, ...fields } = input;
  const out = await submitQuoteFromApi(caller, fields);
  return { status: out.dryRun ? 200 : 201, body: out };
});
