import { formatRateBps } from "~/modules/quotes/state-tax";
import { shortDate } from "~/lib/format";

type StateTable = { state: string; rateBps: number | null; asOf: string; source: string };

/** What an empty tax rate means: the state table's rate, its source and date, and what it leaves out. */
export function TaxRateNote({ table }: { table: StateTable }) {
  if (table.rateBps == null) {
    return <>Your state ({table.state}) is not in our state table: left empty, drafts use 0% tax. Set your own rate.</>;
  }
  return (
    <>
      Leave empty to use {formatRateBps(table.rateBps)} — {table.state} state rate, {table.source}, as of {shortDate(`${table.asOf}T00:00:00Z`)}; local and vehicle-specific taxes are not included: set your own rate if yours differs.
    </>
  );
}
