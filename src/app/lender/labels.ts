// How the lender console names pre-approval states and who decided them.
export const statusTone = { PENDING: "amber", APPROVED: "green", CONDITIONAL: "blue", DECLINED: "red", EXPIRED: "gray", CANCELLED: "gray" } as const;
export const sourceLabel = { AUTO_POLICY: "Auto policy", API: "API", CONSOLE: "By hand" } as const;
/** "SUV" stays; "SEDAN" → "Sedan". */
export const word = (s: string) => (s === "SUV" ? s : s.charAt(0) + s.slice(1).toLowerCase());
