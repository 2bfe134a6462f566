// ISO 3779 / 49 CFR 565: letters map to digits, positions carry weights, position 9 holds the check digit.
const VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export function vinCheckDigit(vin: string): string {
  const sum = [...vin].reduce((acc, ch, i) => acc + (/\d/.test(ch) ? Number(ch) : (VALUES[ch] ?? 0)) * WEIGHTS[i]!, 0);
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

/** null when the VIN is valid, else a message for the dealer. Expects an upper-cased, trimmed VIN. */
export function vinProblem(vin: string): string | null {
  if (vin.length !== 17) return "A VIN has exactly 17 characters.";
  if (/[IOQ]/.test(vin)) return "A VIN never contains the letters I, O or Q.";
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return "A VIN has only letters and digits.";
  if (vinCheckDigit(vin) !== vin[8]) return "This VIN's check digit does not match; please check it for typos.";
  return null;
}

// Position 10 cycles every 30 years; I, O, Q, U, Z and 0 are never used there.
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

/**
 * The model year a VIN encodes, or null when position 10 is not a year code. The 30-year cycle is
 * resolved by position 7: for passenger cars and light trucks from 2010 on (49 CFR 565.15), it is a
 * letter; in the 1980–2009 cycle, a digit.
 */
export function vinModelYear(vin: string): number | null {
  const i = YEAR_CODES.indexOf(vin[9] ?? "");
  if (i < 0 || vin.length !== 17) return null;
  const base = /[A-Z]/.test(vin[6]!) ? 2010 : 1980;
  return base + i;
}

// A small table of common US-market WMIs (first three characters); a two-character prefix covers a
// maker whose plants all share it. Unknown prefixes give null rather than a guess.
const WMI: Record<string, string> = {
  "1FA": "Ford", "1FM": "Ford", "1FT": "Ford", "1FD": "Ford", "3FA": "Ford",
  "1G1": "Chevrolet", "1GC": "Chevrolet", "1GN": "Chevrolet", "3GN": "Chevrolet", "2G1": "Chevrolet",
  "1GT": "GMC", "1GK": "GMC", "3GT": "GMC",
  "1C4": "Jeep", "1J4": "Jeep", "1J8": "Jeep",
  "1C6": "Ram", "3C6": "Ram", "3D7": "Ram",
  "1HG": "Honda", "2HG": "Honda", "5FN": "Honda", "5J6": "Honda", "JHM": "Honda", "19X": "Honda",
  "4T1": "Toyota", "4T3": "Toyota", "5TD": "Toyota", "5TF": "Toyota", "JTD": "Toyota", "JTE": "Toyota", "2T3": "Toyota", "JTM": "Toyota",
  "1N4": "Nissan", "1N6": "Nissan", "5N1": "Nissan", "JN1": "Nissan", "3N1": "Nissan",
  "5NP": "Hyundai", "KMH": "Hyundai", "5NM": "Hyundai",
  "5XY": "Kia", "KNA": "Kia", "KND": "Kia", "3KP": "Kia",
  "4S3": "Subaru", "4S4": "Subaru", "JF1": "Subaru", "JF2": "Subaru",
  "JM1": "Mazda", "JM3": "Mazda", "3MZ": "Mazda",
  "WBA": "BMW", "WBS": "BMW", "5UX": "BMW", "5YM": "BMW",
  "WDD": "Mercedes-Benz", "WDC": "Mercedes-Benz", "W1K": "Mercedes-Benz", "W1N": "Mercedes-Benz", "4JG": "Mercedes-Benz",
  "JTH": "Lexus", "2T2": "Lexus", "JTJ": "Lexus",
  "WVW": "Volkswagen", "WVG": "Volkswagen", "3VW": "Volkswagen", "1VW": "Volkswagen",
  "5YJ": "Tesla", "7SA": "Tesla",
};

/** The maker a VIN's world manufacturer identifier names, from the table above; null when unknown. */
export function vinMaker(vin: string): string | null {
  return WMI[vin.slice(0, 3)] ?? null;
}

/** One WMI per maker, for generating demo VINs that decode back to their make. */
export function wmiFor(make: string): string | null {
  return Object.keys(WMI).find((k) => WMI[k] === make) ?? null;
}

/** Replaces position 9 with the right check digit (for generated VINs). */
export function withCheckDigit(vin17: string): string {
  return vin17.slice(0, 8) + vinCheckDigit(vin17) + vin17.slice(9);
}
