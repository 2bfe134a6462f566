// The request vocabulary and its words for people. No zod here: pages that only show requests import this
// without shipping the validation library to the browser.
export const BODY_TYPES = ["SEDAN", "SUV", "TRUCK", "COUPE", "HATCHBACK", "MINIVAN", "WAGON", "CONVERTIBLE", "VAN"] as const;
export const CONDITIONS = ["NEW", "USED", "ANY"] as const;
export const TIMELINES = ["ASAP", "WITHIN_2_WEEKS", "WITHIN_MONTH", "WITHIN_3_MONTHS", "JUST_BROWSING"] as const;
export const TERMS = [24, 36, 48, 60, 72, 84] as const;
export const MAKES = [
  "Acura", "Audi", "BMW", "Buick", "Cadillac", "Chevrolet", "Chrysler", "Dodge", "Ford", "GMC", "Genesis", "Honda", "Hyundai",
  "Infiniti", "Jeep", "Kia", "Lexus", "Lincoln", "Mazda", "Mercedes-Benz", "Mitsubishi", "Nissan", "Ram", "Subaru", "Tesla",
  "Toyota", "Volkswagen", "Volvo",
] as const;

export const bodyTypeLabel: Record<(typeof BODY_TYPES)[number], string> = {
  SEDAN: "Sedan", SUV: "SUV", TRUCK: "Truck", COUPE: "Coupe", HATCHBACK: "Hatchback", MINIVAN: "Minivan", WAGON: "Wagon", CONVERTIBLE: "Convertible", VAN: "Van",
};
export const conditionLabel: Record<(typeof CONDITIONS)[number], string> = { NEW: "New", USED: "Used", ANY: "New or used" };
export const timelineLabel: Record<(typeof TIMELINES)[number], string> = {
  ASAP: "As soon as possible", WITHIN_2_WEEKS: "Within 2 weeks", WITHIN_MONTH: "Within a month", WITHIN_3_MONTHS: "Within 3 months", JUST_BROWSING: "Just browsing",
};
