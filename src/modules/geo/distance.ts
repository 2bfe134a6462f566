const METERS_PER_MILE = 1609.344;
/** earth() in the earthdistance extension: the radius, in metres, that ll_to_earth places points on. */
const EARTH_RADIUS_M = 6378168;

/** Straight-line chord through the earth → great-circle distance along its surface, in miles. */
export function chordToMiles(chordM: number): number {
  const ratio = Math.min(1, Math.max(0, chordM / (2 * EARTH_RADIUS_M)));
  return (2 * EARTH_RADIUS_M * Math.asin(ratio)) / METERS_PER_MILE;
}
