/**
 * State-level general sales tax rates, in basis points (560 = 5.60%), as of 1 January 2025, from the Tax
 * Foundation's "State and Local Sales Tax Rates, 2025" (state rate column). They seed a dealer's quote
 * defaults until the dealer sets its own rate. They leave out local add-ons and the vehicle-specific
 * taxes some states charge instead (Georgia's title ad valorem tax, North Carolina's highway use tax,
 * Oklahoma's excise), which is why the settings page says so and asks the dealer to check.
 */
export const STATE_TAX_TABLE = {
  asOf: "2025-01-01",
  source: "Tax Foundation, State and Local Sales Tax Rates, 2025 (state rate)",
  ratesBps: {
    AL: 400, AK: 0, AZ: 560, AR: 650, CA: 725, CO: 290, CT: 635, DE: 0, DC: 600, FL: 600, GA: 400, HI: 400,
    ID: 600, IL: 625, IN: 700, IA: 600, KS: 650, KY: 600, LA: 500, ME: 550, MD: 600, MA: 625, MI: 600,
    MN: 688, MS: 700, MO: 423, MT: 0, NE: 550, NV: 685, NH: 0, NJ: 663, NM: 488, NY: 400, NC: 475, ND: 500,
    OH: 575, OK: 450, OR: 0, PA: 600, RI: 700, SC: 600, SD: 420, TN: 700, TX: 625, UT: 610, VT: 600,
    VA: 530, WA: 650, WV: 600, WI: 500, WY: 400,
  } as Record<string, number>,
} as const;

/** The table's rate for a two-letter state, or null for a state it does not know. */
export function stateTaxRateBps(state: string): number | null {
  const rate = STATE_TAX_TABLE.ratesBps[state.trim().toUpperCase()];
  return rate === undefined ? null : rate;
}

/** "8.25%" from 825: how rates are shown to people. */
export const formatRateBps = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, "")}%`;
