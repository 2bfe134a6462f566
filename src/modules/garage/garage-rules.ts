import { vinMaker, vinModelYear, vinProblem } from "~/modules/vehicles/vin";

export type GarageVinCheck =
  | { ok: true; make: string }
  | { ok: false; fields: Record<string, string> };

/**
 * The checks a hand-added car passes: a valid VIN (vin.ts), a model year that agrees with the one the VIN
 * encodes at position 10, and a make — typed, or else the maker the VIN's first three characters name.
 * Pure, so the form and the use-case give the same messages.
 */
export function checkGarageVin(vin: string, year: number, make: string | undefined): GarageVinCheck {
  const fields: Record<string, string> = {};
  const problem = vinProblem(vin);
  if (problem) fields.vin = problem;
  else {
    const encoded = vinModelYear(vin);
    if (encoded != null && encoded !== year) fields.year = `This VIN is for a ${encoded} model year (its 10th character is ${vin[9]}), not ${year}.`;
  }
  const chosen = make?.trim() || (problem ? null : vinMaker(vin));
  if (!chosen && !fields.vin) fields.make = "Enter the make: we could not tell it from this VIN.";
  if (Object.keys(fields).length > 0 || !chosen) return { ok: false, fields };
  return { ok: true, make: chosen };
}
