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
