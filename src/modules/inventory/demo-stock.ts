import type { BodyType, VehicleCondition } from "~/generated/prisma/client";
import { BodyType as BodyTypes } from "~/generated/prisma/enums";
import { withCheckDigit, wmiFor } from "~/modules/vehicles/vin";

// Models by make and body, enough for a believable lot; a make/body pair missing here is not generated.
const MODELS: Record<string, Partial<Record<BodyType, string[]>>> = {
  Toyota: { SEDAN: ["Camry", "Corolla"], SUV: ["RAV4", "Highlander"], TRUCK: ["Tacoma", "Tundra"], MINIVAN: ["Sienna"], HATCHBACK: ["Corolla Hatchback"] },
  Honda: { SEDAN: ["Accord", "Civic"], SUV: ["CR-V", "Pilot"], TRUCK: ["Ridgeline"], MINIVAN: ["Odyssey"], HATCHBACK: ["Civic Hatchback"] },
  Ford: { SEDAN: ["Fusion"], SUV: ["Explorer", "Escape"], TRUCK: ["F-150", "Ranger"], COUPE: ["Mustang"], CONVERTIBLE: ["Mustang Convertible"], VAN: ["Transit"] },
  Chevrolet: { SEDAN: ["Malibu"], SUV: ["Equinox", "Tahoe"], TRUCK: ["Silverado 1500", "Colorado"], COUPE: ["Camaro"], VAN: ["Express"] },
  Nissan: { SEDAN: ["Altima", "Sentra"], SUV: ["Rogue", "Pathfinder"], TRUCK: ["Frontier"], HATCHBACK: ["Versa Note"] },
  Hyundai: { SEDAN: ["Elantra", "Sonata"], SUV: ["Tucson", "Santa Fe"], TRUCK: ["Santa Cruz"], HATCHBACK: ["Ioniq 5"] },
  Kia: { SEDAN: ["K5", "Forte"], SUV: ["Sportage", "Telluride"], MINIVAN: ["Carnival"], HATCHBACK: ["Soul"] },
  Subaru: { SEDAN: ["Legacy", "Impreza"], SUV: ["Outback", "Forester"], WAGON: ["Outback Wagon"], COUPE: ["BRZ"] },
  Mazda: { SEDAN: ["Mazda3"], SUV: ["CX-5", "CX-50"], CONVERTIBLE: ["MX-5 Miata"], HATCHBACK: ["Mazda3 Hatchback"] },
  Jeep: { SUV: ["Wrangler", "Grand Cherokee", "Cherokee"], TRUCK: ["Gladiator"] },
  Ram: { TRUCK: ["1500", "2500"], VAN: ["ProMaster"] },
  GMC: { SUV: ["Acadia", "Yukon"], TRUCK: ["Sierra 1500", "Canyon"] },
  BMW: { SEDAN: ["3 Series", "5 Series"], SUV: ["X3", "X5"], COUPE: ["4 Series"], CONVERTIBLE: ["Z4"], WAGON: ["3 Series Touring"] },
  "Mercedes-Benz": { SEDAN: ["C-Class", "E-Class"], SUV: ["GLC", "GLE"], COUPE: ["C-Class Coupe"], VAN: ["Sprinter"], WAGON: ["E-Class Wagon"] },
  Lexus: { SEDAN: ["ES", "IS"], SUV: ["RX", "NX"], COUPE: ["RC"] },
  Volkswagen: { SEDAN: ["Jetta", "Passat"], SUV: ["Tiguan", "Atlas"], HATCHBACK: ["Golf GTI"], WAGON: ["Golf SportWagen"] },
  Tesla: { SEDAN: ["Model 3", "Model S"], SUV: ["Model Y", "Model X"], TRUCK: ["Cybertruck"] },
};
const TRIMS = ["Base", "SE", "LE", "XLE", "Sport", "Limited", "Touring", "Premium"];
const COLORS = ["White", "Black", "Silver", "Gray", "Blue", "Red", "Green", "Beige"];
const FEATURES = ["AWD", "Heated seats", "Apple CarPlay", "Sunroof", "Third-row seating", "Leather seats", "Blind-spot monitoring", "Tow package"];
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";
const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

export type DemoDealer = { id: string; makes: string[]; bodyTypes: BodyType[]; sellsNew: boolean; sellsUsed: boolean; minPriceCents: number; maxPriceCents: number };

/**
 * A believable lot for one demo dealer, from what it sells: 20–60 units of its makes and body types,
 * priced in its range, with valid VINs whose WMI names the make and whose 10th character is the year.
 * `rand` is seeded, so every demo gets the same stock.
 */
export function demoStock(dealer: DemoDealer, rand: () => number, now: Date) {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const pairsFor = (bodies: readonly BodyType[]) => dealer.makes.flatMap((make) => bodies.flatMap((body) => (MODELS[make]?.[body] ?? []).map((model) => ({ make, body, model }))));
  // A dealer whose makes build none of its body types (Ram vans only, say) still gets a lot of its makes.
  const sold = pairsFor(dealer.bodyTypes);
  const pairs = sold.length ? sold : pairsFor(Object.values(BodyTypes));
  if (pairs.length === 0) return [];
  const conditions: VehicleCondition[] = [...(dealer.sellsNew ? (["NEW"] as const) : []), ...(dealer.sellsUsed ? (["USED", "USED", "CERTIFIED"] as const) : [])];
  const count = 20 + Math.floor(rand() * 41);
  const thisYear = now.getUTCFullYear();
  return Array.from({ length: count }, (_, i) => {
    const { make, body, model } = pick(pairs);
    const condition = pick(conditions.length ? conditions : (["USED"] as const));
    const year = condition === "NEW" ? thisYear : thisYear - 1 - Math.floor(rand() * (condition === "CERTIFIED" ? 5 : 9));
    const age = thisYear - year;
    const mileage = condition === "NEW" ? Math.floor(rand() * 30) : age * (8_000 + Math.floor(rand() * 6_000));
    const span = dealer.maxPriceCents - dealer.minPriceCents;
    // Older, higher-mileage cars sit low in the dealer's range; priced to end in $95, as lots do.
    const share = Math.max(0.05, Math.min(1, rand() * 0.5 + (1 - age / 10) * 0.5));
    const priceCents = Math.max(100_000, Math.round((dealer.minPriceCents + span * share) / 10_000) * 10_000 - 500);
    const wmi = wmiFor(make) ?? "1G1";
    // Position 7 is a letter, putting position 10 in the 2010+ cycle.
    const vds = Array.from({ length: 3 }, () => pick([...VIN_CHARS])).join("") + pick([...LETTERS]) + pick([...VIN_CHARS]);
    const serial = String(i).padStart(2, "0") + String(Math.floor(rand() * 10_000)).padStart(4, "0");
    const vin = withCheckDigit(`${wmi}${vds}0${YEAR_CODES[year - 2010]}${pick([...LETTERS])}${serial}`);
    const inStockSince = new Date(Date.UTC(thisYear, now.getUTCMonth(), now.getUTCDate() - Math.floor(rand() * 120)));
    return {
      dealerId: dealer.id, vin, stockNumber: `K${String(i + 1).padStart(4, "0")}`, condition, year, make, model,
      trim: pick(TRIMS), bodyType: body, mileage, priceCents,
      msrpCents: condition === "NEW" ? priceCents + Math.round(rand() * 30) * 10_000 : null,
      exteriorColor: pick(COLORS), inStockSince,
      features: [...new Set([pick(FEATURES), pick(FEATURES)])],
    };
  });
}
