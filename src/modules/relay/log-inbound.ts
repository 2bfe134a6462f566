import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/server/db";

export type InboundLog = Omit<Prisma.RelayInboundUncheckedCreateInput, "id" | "createdAt">;

/** One row per inbound attempt. Never a body: refused mail is a stranger's, and accepted text is in the thread. */
export async function logInbound(row: InboundLog, client: Tx | typeof db = db) {
  await client.relayInbound.create({
    data: { ...row, mailFrom: row.mailFrom.slice(0, 320), fromHeader: row.fromHeader?.slice(0, 320) ?? null, detail: row.detail?.slice(0, 500) ?? null },
    select: { id: true },
  });
}

/** An SMTP answer: the code the listener sends and the text the sender's mail server bounces with. */
export type SmtpRefusal = { ok: false; code: number; message: string };
export const refuse = (code: number, message: string): SmtpRefusal => ({ ok: false, code, message });
