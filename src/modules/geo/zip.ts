import zipcodes from "zipcodes";

export type ZipPlace = { zip: string; city: string; state: string; lat: number; lng: number };

/** A US ZIP code from the bundled dataset (about 44,000 centroids), or null when it does not exist. */
export function lookupZip(zip: string): ZipPlace | null {
  if (!/^\d{5}$/.test(zip)) return null;
  const z = zipcodes.lookup(zip);
  if (!z || typeof z.latitude !== "number" || typeof z.longitude !== "number") return null;
  return { zip, city: z.city, state: z.state, lat: z.latitude, lng: z.longitude };
}
