import { badRequest, forbidden } from "~/server/errors";
import { db } from "~/server/db";
import { lookupZip } from "~/modules/geo/zip";
import type { CoverageInput } from "./schemas";
import { coverageSelect } from "./selects";

export async function getCoverage(dealerId: string) {
  return db.dealer.findUniqueOrThrow({ where: { id: dealerId }, select: coverageSelect });
}

/** Where and what a dealer sells; only an owner changes it. The earth point follows lat/lng (generated column). */
export async function updateCoverage(dealerId: string, isOwner: boolean, input: CoverageInput) {
  if (!isOwner) throw forbidden("Only an owner can change coverage.");
  const place = lookupZip(input.zip);
  if (!place) throw badRequest("We could not find that ZIP code.", { zip: "We could not find that ZIP code." });
  return db.dealer.update({
    where: { id: dealerId },
    data: { ...input, makes: [...new Set(input.makes)], bodyTypes: [...new Set(input.bodyTypes)], zip: place.zip, city: place.city, state: place.state, lat: place.lat, lng: place.lng },
    select: coverageSelect,
  });
}
