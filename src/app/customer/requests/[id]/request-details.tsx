import { DetailRow } from "~/components/ui/card";
import { describeBudget, describeWanted } from "~/components/requests/describe";
import { shortDate, usd } from "~/lib/format";
import { timelineLabel } from "~/modules/requests/labels";
import type { getMyRequest } from "~/modules/requests/queries";
import { describeTerms, hasTerms } from "~/modules/requests/buyer-terms";

type Request = Awaited<ReturnType<typeof getMyRequest>>;

/**
 * What the buyer asked for, rendered on the server: it changes only when the buyer edits the request (a
 * navigation back here), so the browser is not sent the code that words it (issue 13's JS budget).
 */
export function RequestTitle({ r }: { r: Request }) {
  return <h2 className="text-lg font-semibold">{describeWanted(r)}</h2>;
}

export function RequestDetails({ r }: { r: Request }) {
  return (
    <dl className="mt-4 space-y-2 text-sm">
      <DetailRow label="Budget" value={describeBudget(r)} />
      <DetailRow label="Down payment" value={usd(r.downPaymentCents)} />
      {r.tradeInYear && <DetailRow label="Trade-in" value={`${r.tradeInYear} ${r.tradeInMake} ${r.tradeInModel}, ${r.tradeInMileage?.toLocaleString("en-US")} mi`} />}
      <DetailRow label="Financing" value={r.wantsFinancing ? "Wanted" : "Not needed"} />
      {r.returningBuyerShare && (
        <DetailRow
          label="Returning buyer"
          value={r.returningBuyerShare.returning ? "Dealers see \u201cReturning Keyturn buyer\u201d" : "Dealers see nothing: you had no car delivered through Keyturn when you posted"}
        />
      )}
      <DetailRow label="Where" value={`${r.city}, ${r.state} ${r.zip} · ${r.radiusMiles} mi`} />
      <DetailRow label="Timeline" value={timelineLabel[r.timeline]} />
      {r.features.length > 0 && <DetailRow label="Must-haves" value={r.features.join(", ")} />}
      {hasTerms(r) && (
        <DetailRow
          label="Your terms"
          value={<ul data-testid="request-terms" className="list-disc pl-4 text-left">{describeTerms(r).map((t) => <li key={t.key}>{t.text}</li>)}</ul>}
        />
      )}
      <DetailRow label={r.status === "EXPIRED" ? "Expired" : "Expires"} value={shortDate(r.expiresAt)} />
    </dl>
  );
}
