// The inbox's sort, filters and view live in the URL, so a reload or a shared link shows the same list.
import { flag, numberOf, oneOf, readState, writeState, type StateOf } from "~/lib/url-state";
import { SORT_KEYS, type InboxFilters, type SortKey } from "~/modules/inbox/ranking";

export type InboxView = "cards" | "table";
export type InboxState = { sort: SortKey; view: InboxView; filters: InboxFilters };

/** The URL's parameters for the inbox (names kept short: they are what a shared link shows). */
export const inboxSpec = {
  sort: oneOf(SORT_KEYS, "totalCost"),
  view: oneOf(["cards", "table"], "cards"),
  within: numberOf([10, 25, 50]),
  financed: flag,
  inStock: flag,
  hideClosed: flag,
};
type InboxParams = StateOf<typeof inboxSpec>;

export function fromParams(p: InboxParams): InboxState {
  const filters: InboxFilters = { maxDistanceMiles: p.within };
  if (p.financed) filters.financedOnly = true;
  if (p.inStock) filters.inStockOnly = true;
  if (p.hideClosed) filters.hideClosed = true;
  return { sort: p.sort, view: p.view, filters };
}

export function toParams(s: InboxState): InboxParams {
  const f = s.filters;
  return { sort: s.sort, view: s.view, within: f.maxDistanceMiles ?? null, financed: !!f.financedOnly, inStock: !!f.inStockOnly, hideClosed: !!f.hideClosed };
}

/** Reads the state from search params; anything unknown falls back to the default instead of failing. */
export function readInboxParams(p: URLSearchParams): InboxState {
  return fromParams(readState(inboxSpec, p));
}

/** The search string for a state: defaults are left out, so a plain inbox keeps a plain URL. */
export function inboxQuery(s: InboxState): string {
  return writeState(inboxSpec, toParams(s));
}
