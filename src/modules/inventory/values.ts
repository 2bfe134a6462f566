import type { BodyType, VehicleCondition } from "~/generated/prisma/client";
import { parseMoneyInput } from "~/modules/money/parse-money";

// Each reader returns the value, null for an empty cell, or { problem } for a cell it cannot read.
export type Read<T> = T | null | { problem: string };
export const isProblem = <T>(v: Read<T>): v is { problem: string } => typeof v === "object" && v !== null && "problem" in v;

export function readInt(s: string, what: string): Read<number> {
  const t = s.replace(/[,\s]/g, "");
  if (t === "") return null;
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(Number(t))) return { problem: `${what} "${s}" is not a whole number.` };
  return Number(t);
}

/** Dollars as feeds write them ("$32,995", "32995.00"), to cents; never rounded (parseMoneyInput refuses). */
export function readCents(s: string, what: string): Read<number> {
  if (s.trim() === "") return null;
  const r = parseMoneyInput(s);
  if (!r.ok) return { problem: `${what} "${s}" is not a number: ${r.message}` };
  return r.cents ?? null;
}

const CONDITIONS: Record<string, VehicleCondition> = {
  new: "NEW", n: "NEW", used: "USED", u: "USED", "pre-owned": "USED", preowned: "USED",
  certified: "CERTIFIED", cpo: "CERTIFIED", "certified pre-owned": "CERTIFIED", "certified used": "CERTIFIED",
};

export function readCondition(s: string): Read<VehicleCondition> {
  const t = s.trim().toLowerCase();
  if (t === "") return null;
  return CONDITIONS[t] ?? { problem: `Condition "${s}" is not new, used or certified.` };
}

// Feeds describe bodies loosely ("Crew Cab Pickup", "Sport Utility"); the first matching word decides.
const BODY_WORDS: [RegExp, BodyType][] = [
  [/minivan/, "MINIVAN"], [/\bvan\b/, "VAN"], [/suv|sport utility|crossover/, "SUV"], [/truck|pickup|cab\b/, "TRUCK"],
  [/convertible|cabrio|roadster/, "CONVERTIBLE"], [/coupe/, "COUPE"], [/hatch/, "HATCHBACK"], [/wagon/, "WAGON"], [/sedan/, "SEDAN"],
];

/** An unrecognised body is left empty rather than refused: the rest of the unit is still good stock. */
export function readBodyType(s: string): BodyType | null {
  const t = s.trim().toLowerCase();
  return BODY_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}

/** ISO (2026-03-01) or US (03/01/2026) dates, as UTC midnight. */
export function readDate(s: string): Read<Date> {
  const t = s.trim();
  if (t === "") return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  const date = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
  if (!date || date.getUTCDate() !== Number(d)) return { problem: `Date in stock "${s}" is not a date like 2026-03-01.` };
  return date;
}

export const readFeatures = (s: string) => [...new Set(s.split(/[;|,]/).map((f) => f.trim()).filter(Boolean))].slice(0, 40);
