// Why a lender can no longer decide a pre-approval, in the words the console shows. A pre-approval is
// cancelled for several reasons (the buyer cancelled, chose another quote, the dealer revised or withdrew
// the quote), and "the request was cancelled" was wrong for most of them.
import type { PreApprovalStatus, QuoteStatus, RequestStatus } from "~/generated/prisma/enums";

export type ClosedFacts = {
  status: PreApprovalStatus;
  quoteVersion: number;
  quote: { status: QuoteStatus; version: number };
  request: { status: RequestStatus };
};

export function closedReason(p: ClosedFacts): string {
  if (p.status === "EXPIRED") return "The request expired before a decision.";
  if (p.request.status === "ACCEPTED") {
    return p.quote.status === "ACCEPTED"
      ? "The buyer accepted this quote with other financing; there is nothing to decide."
      : "The buyer accepted another dealer's quote; there is nothing to decide.";
  }
  if (p.request.status === "CANCELLED") return "The buyer cancelled the request; there is nothing to decide.";
  if (p.request.status === "EXPIRED") return "The request expired before a decision.";
  if (p.quote.status === "WITHDRAWN") return "The dealer withdrew this quote; there is nothing to decide.";
  if (p.quote.version !== p.quoteVersion) return "The dealer revised this quote; the revised quote comes as a new pre-approval request.";
  return "This pre-approval request was closed; there is nothing to decide.";
}
