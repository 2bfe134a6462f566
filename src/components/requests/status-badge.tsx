import { Badge } from "~/components/ui/card";

const requestTone = { OPEN: "green", ACCEPTED: "blue", CANCELLED: "gray", EXPIRED: "amber" } as const;
const requestWord = { OPEN: "Open", ACCEPTED: "Accepted", CANCELLED: "Cancelled", EXPIRED: "Expired" } as const;

export function RequestStatusBadge({ status }: { status: keyof typeof requestTone }) {
  return <Badge tone={requestTone[status]}>{requestWord[status]}</Badge>;
}

const leadTone = { NEW: "blue", VIEWED: "gray", QUOTED: "green", WON: "green", PASSED: "amber", CLOSED: "gray" } as const;
const leadWord = { NEW: "New", VIEWED: "Viewed", QUOTED: "Quoted", WON: "Won", PASSED: "Passed", CLOSED: "Closed" } as const;

export function LeadStatusBadge({ status }: { status: keyof typeof leadTone }) {
  return <Badge tone={leadTone[status]}>{leadWord[status]}</Badge>;
}
