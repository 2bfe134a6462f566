// The inbox's sort, filters and view live in the URL, so a reload or a shared link shows the same list.
import { SORT_KEYS, type InboxFilters, type SortKey } from "~/modules/inbox/ranking";

export type InboxView = "cards" | "table";
export type InboxState = { sort: SortKey; view: InboxView; filters: InboxFilters };

const DISTANCES = [10, 25, 50];
const FLAGS = { financedOnly: "financed", inStockOnly: "inStock", hideClosed: "hideClosed" } as const;

/** Reads the state from search params; anything unknown falls back to the default instead of failing. */
export function readInboxParams(p: URLSearchParams): InboxState {
  const sort = (SORT_KEYS as readonly string[]).includes(p.get("sort") ?? "") ? (p.get("sort") as SortKey) : "totalCost";
  const view: InboxView = p.get("view") === "table" ? "table" : "cards";
  const within = Number(p.get("within"));
  const filters: InboxFilters = { maxDistanceMiles: DISTANCES.includes(within) ? within : null };
  for (const [key, param] of Object.entries(FLAGS) as [keyof typeof FLAGS, string][]) if (p.get(param) === "1") filters[key] = true;
  return { sort, view, filters };
}

/** The search string for a state: defaults are left out, so a plain inbox keeps a plain URL. */
export function inboxQuery(s: InboxState): string {
  const p = new URLSearchParams();
  if (s.sort !== "totalCost") p.set("sort", s.sort);
  if (s.view !== "cards") p.set("view", s.view);
  if (s.filters.maxDistanceMiles) p.set("within", String(s.filters.maxDistanceMiles));
  for (const [key, param] of Object.entries(FLAGS) as [keyof typeof FLAGS, string][]) if (s.filters[key]) p.set(param, "1");
  const q = p.toString();
  return q ? `?${q}` : "";
}
