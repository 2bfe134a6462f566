import { z } from "zod";
import { db } from "~/server/db";
import type { Actor } from "~/server/auth/session";

export const ZPreferencesInput = z.object({ emailEnabled: z.boolean(), emailQuotes: z.boolean(), emailMessages: z.boolean() }).strict();
export type TPreferencesInput = z.infer<typeof ZPreferencesInput>;

const DEFAULTS = { emailEnabled: true, emailQuotes: true, emailMessages: true };
const prefSelect = { emailEnabled: true, emailQuotes: true, emailMessages: true } as const;

export async function getPreferences({ actor }: { actor: Actor }): Promise<TPreferencesInput> {
  return (await db.notificationPreference.findUnique({ where: { userId: actor.userId }, select: prefSelect })) ?? DEFAULTS;
}

export async function updatePreferences({ actor, ...prefs }: TPreferencesInput & { actor: Actor }) {
  return db.notificationPreference.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, ...prefs }, update: prefs, select: prefSelect });
}

/** Whether a notification of this kind may be emailed under these preferences. Pure. */
export function emailAllowed(prefs: TPreferencesInput, kind: string): boolean {
  if (!prefs.emailEnabled) return false;
  // A keep-in-touch reminder is a dealer's message in the thread: "New messages from dealers" governs it.
  if (kind === "message" || kind === "keep_in_touch") return prefs.emailMessages;
  // "Leads and quote updates": a dealer's new leads, a buyer's quotes and financing decisions.
  if (kind.startsWith("lead") || kind.startsWith("quote") || kind.startsWith("pre_approval") || kind.startsWith("preapproval")) return prefs.emailQuotes;
  return true;
}

export async function preferencesOf(userId: string): Promise<TPreferencesInput> {
  return (await db.notificationPreference.findUnique({ where: { userId }, select: prefSelect })) ?? DEFAULTS;
}
