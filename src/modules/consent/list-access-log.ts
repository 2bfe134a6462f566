import type { Prisma } from "~/generated/prisma/client";
import type { ActorType, DataField } from "~/generated/prisma/enums";
import { db } from "~/server/db";
import { describeAccess, describeKeepInTouchUse, describeRefusal } from "./describe";

const logSelect = {
  id: true,
  actorType: true,
  actorId: true,
  actorLabel: true,
  fields: true,
  channel: true,
  refused: true,
  purpose: true,
  createdAt: true,
  grant: { select: { createdAt: true, request: { select: { condition: true, bodyType: true, makes: true, model: true } } } },
} satisfies Prisma.AccessLogSelect;

const PAGE = 50;

/**
 * "Who saw my data": the customer's own log rows, newest first, as sentences. Filters by who read and by
 * which field. The rows hold no values, so nothing here can leak a score or an income.
 */
export async function listAccessLog(customerId: string, input: { who?: string; field?: DataField; cursor?: string }) {
  const [rows, actors] = await Promise.all([
    db.accessLog.findMany({
      where: { customerId, actorId: input.who, fields: input.field ? { has: input.field } : undefined },
      select: logSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    }),
    db.accessLog.findMany({
      where: { customerId },
      select: { actorId: true, actorLabel: true, actorType: true },
      distinct: ["actorId"],
      orderBy: { actorId: "asc" },
      take: 100,
    }),
  ]);
  const page = rows.slice(0, PAGE);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.createdAt,
      actorType: r.actorType as ActorType,
      who: r.actorLabel,
      fields: r.fields,
      channel: r.channel,
      refused: r.refused,
      sentence: r.refused
        ? describeRefusal(r)
        : r.channel.startsWith("keep-in-touch:")
          ? describeKeepInTouchUse(r)
        : describeAccess({
        actorType: r.actorType,
        actorLabel: r.actorLabel,
        channel: r.channel,
        fields: r.fields,
        request: r.grant?.request ?? null,
        grantCreatedAt: r.grant?.createdAt ?? null,
      }),
    })),
    nextCursor: rows.length > PAGE ? page.at(-1)!.id : null,
    readers: actors.map((a) => ({ id: a.actorId, label: a.actorLabel, type: a.actorType })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}
