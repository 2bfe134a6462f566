// WON is not a stored status: a closed lead whose quote the buyer accepted (see dealers/leads.ts).
export const LEAD_FILTERS = ["ALL", "NEW", "VIEWED", "QUOTED", "WON", "PASSED", "CLOSED"] as const;
