/**
 * The sentences of "My data" that depend on state, as pure functions so the page never contradicts its
 * own cards (issue 13, item 8).
 */

/** Under "Who can see your details right now": true for no one, for the cards below, or for desk keys only. */
export function whoCanSeeSummary(activeGrants: number, deskKeys: number): string {
  const quoting = "Dealers quoting on your requests see only the car you want, your area and your credit band, never your name or contact details.";
  if (activeGrants === 0 && deskKeys === 0) return `Nobody can see your details right now. ${quoting}`;
  return `Only those listed here can. ${quoting}`;
}

/** The last line of the "stop sharing" dialog, true for the request the grant belongs to. */
export function afterRevokeLine(requestStatus: "OPEN" | "ACCEPTED" | "CANCELLED" | "EXPIRED" | null): string {
  switch (requestStatus) {
    case "OPEN":
      return "Your request stays open. Nothing else changes.";
    case "ACCEPTED":
      return "Your accepted purchase stays as it is. Nothing else changes.";
    default:
      return "Nothing else changes.";
  }
}
