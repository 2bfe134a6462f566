import { usd } from "~/lib/format";
import { bodyTypeLabel, conditionLabel } from "~/modules/requests/labels";

type Wanted = { bodyType: keyof typeof bodyTypeLabel; condition: keyof typeof conditionLabel; makes: string[]; model?: string | null; yearMin?: number | null; yearMax?: number | null };
type Budget = { maxPriceCents: number | null; maxMonthlyCents: number | null; termMonths?: number | null };

/** "New Toyota/Honda SUV, RAV4, 2022–2025" */
export function describeWanted(r: Wanted): string {
  const cond = r.condition === "ANY" ? "" : `${conditionLabel[r.condition]} `;
  const makes = r.makes.length ? `${r.makes.join("/")} ` : "";
  const years = r.yearMin || r.yearMax ? `, ${r.yearMin ?? "any"}–${r.yearMax ?? "now"}` : "";
  return `${cond}${makes}${bodyTypeLabel[r.bodyType]}${r.model ? `, ${r.model}` : ""}${years}`;
}

export function describeBudget(r: Budget): string {
  const parts = [r.maxPriceCents != null ? `up to ${usd(r.maxPriceCents)}` : null, r.maxMonthlyCents != null ? `${usd(r.maxMonthlyCents)}/mo${r.termMonths ? ` over ${r.termMonths} mo` : ""}` : null];
  return parts.filter(Boolean).join(" or ");
}
