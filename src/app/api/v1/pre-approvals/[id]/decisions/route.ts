import { z } from "zod";
import { apiRoute, idSchema } from "~/server/rest/handler";
import { AppError, notFound } from "~/server/errors";
import { decisionInputSchema } from "~/modules/lending/schemas";
import { postDecision } from "~/modules/lending/lender-api";

export const dynamic = "force-dynamic";

const idempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/);

export const POST = apiRoute<{ id: string }>(async ({ req, caller, params, json }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw notFound("No such pre-approval request.");
  const key = idempotencyKey.safeParse(req.headers.get("idempotency-key"));
  if (!key.success) throw new AppError("BAD_REQUEST", "Send an Idempotency-Key header (1–255 printable characters, e.g. a UUID) with every decision.");
  const decision = decisionInputSchema.parse(await json());
  const out = await postDecision(caller, id.data, decision, key.data);
  return { status: out.status, body: out.body, headers: out.replayed ? { "idempotent-replayed": "true" } : undefined };
});
