import type { Actor } from "~/server/auth/actor";
import { AppError, errorStatus } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";
import { summarizeIssues } from "~/lib/zod";
import { dealerIdOf } from "./access";
import { commitImport } from "./commit-import";
import { InventoryFileError, MAX_FILE_BYTES, tooLargeFile as tooLarge } from "./parse-file";
import { previewImport } from "./preview-import";
import { importQuery } from "./schemas";

const IMPORTS_PER_MINUTE = 20;

/** Reads the body, stopping at the limit, so a file sent without Content-Length cannot fill memory. */
async function readBody(req: Request): Promise<Uint8Array> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_FILE_BYTES) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    // A client that hangs up mid-file is its problem, not a server error.
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("BAD_REQUEST", "The file could not be read: the upload was interrupted.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FILE_BYTES) {
      // Stop the upload here: the rest is never read, let alone kept.
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function errorReply(e: AppError) {
  const extra = e instanceof InventoryFileError ? { reason: e.reason, ...(e.missing ? { missing: e.missing, headers: e.headers } : {}) } : {};
  return Response.json({ error: { code: e.code, message: e.message, ...extra } }, { status: errorStatus[e.code] });
}

/** The import endpoint: auth, then the query, then the body, then one use-case. Every refusal is `{ error }`. */
export async function handleImport(req: Request, actor: Actor | null): Promise<Response> {
  try {
    dealerIdOf(actor);
    await enforceRateLimit(`inventory-import:${actor!.userId}`, IMPORTS_PER_MINUTE, 60, "imports");
    const q = importQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!q.success) throw new AppError("BAD_REQUEST", summarizeIssues(q.error.issues));
    const file = await readBody(req);
    const input = { actor, file, fullFeed: q.data.fullFeed, mapping: q.data.mapping };
    const result = q.data.mode === "preview" ? await previewImport(input) : await commitImport(input);
    return Response.json(result);
  } catch (e) {
    if (e instanceof AppError) return errorReply(e);
    console.error("[inventory-import]", e);
    return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
  }
}
