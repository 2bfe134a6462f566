/** The fields an inventory file can fill, and the header names dealer tools export for each. */
export const INVENTORY_FIELDS = [
  "stockNumber", "vin", "year", "make", "model", "trim", "bodyType", "mileage",
  "price", "msrp", "condition", "exteriorColor", "inStockSince", "features",
] as const;
export type InventoryField = (typeof INVENTORY_FIELDS)[number];

export const REQUIRED_FIELDS = ["vin", "year", "make", "model", "price", "condition"] as const satisfies readonly InventoryField[];

const ALIASES: Record<InventoryField, string[]> = {
  stockNumber: ["stock", "stock_number", "stock_no", "stock #"],
  vin: ["vin"],
  year: ["year", "model_year"],
  make: ["make"],
  model: ["model"],
  trim: ["trim"],
  bodyType: ["body", "body_style", "body_type"],
  mileage: ["mileage", "miles", "odometer"],
  price: ["price", "price_current", "internet_price"],
  msrp: ["msrp"],
  condition: ["condition", "type"],
  exteriorColor: ["exterior_color", "color"],
  inStockSince: ["date_in_stock", "in_stock_since"],
  features: ["features", "options"],
};

// "Stock Number", "stock_number" and " STOCK-NUMBER " are one header: case, spaces and dashes do not matter.
export const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

const BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [normalizeHeader(n), field as InventoryField])));

export type ColumnMap = Partial<Record<InventoryField, number>>;

/**
 * Which column holds each field. An explicit mapping (header → field) wins over the aliases, so a
 * dealer can point an unusual header at a field, or away from the one its name suggests.
 */
export function resolveColumns(headers: string[], mapping: Record<string, InventoryField> = {}): { columns: ColumnMap; missing: InventoryField[] } {
  const explicit = new Map(Object.entries(mapping).map(([h, f]) => [normalizeHeader(h), f]));
  const columns: ColumnMap = {};
  headers.forEach((raw, i) => {
    const h = normalizeHeader(raw);
    const field = explicit.has(h) ? explicit.get(h) : BY_ALIAS.get(h);
    if (field && columns[field] === undefined) columns[field] = i;
  });
  const missing = REQUIRED_FIELDS.filter((f) => columns[f] === undefined);
  return { columns, missing };
}
