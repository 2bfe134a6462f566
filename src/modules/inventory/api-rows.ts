import { INVENTORY_FIELDS, type ColumnMap } from "./columns";
import type { ApiUnitInput } from "./api-schemas";
import { validateRow, type BadRow, type InventoryRow } from "./validate-row";

const COLUMNS = Object.fromEntries(INVENTORY_FIELDS.map((f, i) => [f, i])) as ColumnMap;
// Cents to the dollars a feed would write: exact for every integer (no rounding, e.g. 3199550 → "31995.50").
const dollars = (c: number | null | undefined) => (c == null ? "" : `${c < 0 ? "-" : ""}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, "0")}`);

/**
 * API units to rows through the CSV import's own validateRow, so a unit is refused for the same reasons a
 * file's row is. `row` in a problem is the unit's index in the request. A VIN sent twice keeps the first.
 */
export function apiUnitsToRows(units: ApiUnitInput[]): { rows: InventoryRow[]; bad: BadRow[] } {
  const rows: InventoryRow[] = [];
  const bad: BadRow[] = [];
  const seen = new Map<string, number>();
  units.forEach((u, index) => {
    const cells: Record<(typeof INVENTORY_FIELDS)[number], string> = {
      stockNumber: u.stockNumber ?? "", vin: u.vin, year: String(u.year), make: u.make, model: u.model, trim: u.trim ?? "",
      bodyType: u.bodyType ?? "", mileage: u.mileage == null ? "" : String(u.mileage), price: dollars(u.priceCents), msrp: dollars(u.msrpCents),
      condition: u.condition, exteriorColor: u.exteriorColor ?? "", inStockSince: u.inStockSince ?? "", features: "",
    };
    const r = validateRow(INVENTORY_FIELDS.map((f) => cells[f]), COLUMNS, index);
    if ("reason" in r) return void bad.push(r);
    const first = seen.get(r.vin);
    if (first !== undefined) return void bad.push({ line: index, vin: r.vin, reason: `Duplicate VIN: already at units[${first}].` });
    seen.set(r.vin, index);
    // A JSON list needs no splitting on commas, so a feature named "Heated seats, front" stays one.
    const features = [...new Set((u.features ?? []).map((f) => f.trim()).filter(Boolean))];
    rows.push({ ...r, features, ...(u.status ? { status: u.status } : {}) });
  });
  return { rows, bad };
}
