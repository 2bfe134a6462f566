// How the lender console names pre-approval states and who decided them.
export const statusTone = { PENDING: "amber", APPROVED: "green", CONDITIONAL: "blue", DECLINED: "red", EXPIRED: "gray", CANCELLED: "gray" } as const;
export const sourceLabel = { AUTO_POLICY: "Auto policy", API: "API", CONSOLE: "By hand" } as const;
export const statusLabel = { PENDING: "Pending", APPROVED: "Approved", CONDITIONAL: "Conditional", DECLINED: "Declined", EXPIRED: "Expired", CANCELLED: "Cancelled" } as const;
