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

export type UnitChangeKind = "SOLD" | "REMOVED" | "PRICE_CHANGED";
/** The dealer's board badge for a quote whose stock unit changed after it was sent. */
export const UNIT_CHANGE_SHORT: Record<UnitChangeKind, string> = { SOLD: "Car sold", REMOVED: "Car removed", PRICE_CHANGED: "Price changed" };
/**
 * The lead page's notice. A sold car cannot be re-confirmed as it is (reviseQuote refuses its VIN), so
 * that one offers another car; the others can be re-confirmed unchanged.
 */
export const UNIT_CHANGE_NOTICE: Record<UnitChangeKind, string> = {
  SOLD: "The car was sold: re-confirm with another car or withdraw. The buyer cannot accept this quote until you do.",
  REMOVED: "The car was removed from your stock: re-confirm or withdraw. The buyer cannot accept this quote until you do.",
  PRICE_CHANGED: "The car changed price: re-confirm or withdraw. The buyer cannot accept this quote until you do.",
};
