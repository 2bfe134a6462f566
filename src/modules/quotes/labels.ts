// Car conditions and their words for people, without zod (see requests/labels.ts).
export const VEHICLE_CONDITIONS = ["NEW", "USED", "CERTIFIED"] as const;
export type VehicleCondition = (typeof VEHICLE_CONDITIONS)[number];
export const vehicleConditionLabel: Record<VehicleCondition, string> = { NEW: "New", USED: "Used", CERTIFIED: "Certified pre-owned" };

/**
 * Which car conditions answer a request: a buyer who asked for new gets new; one who asked for used also
 * takes certified pre-owned (a used car with a warranty); "new or used" takes any.
 */
export function conditionAnswers(requested: "NEW" | "USED" | "ANY", car: VehicleCondition) {
  return requested === "ANY" || (requested === "NEW" ? car === "NEW" : car !== "NEW");
}
