import { Card, EmptyState, PageHeader } from "~/components/ui/card";
import { DeliveryChanges } from "~/components/deals/delivery-lines-table";
import { shortDate, usd } from "~/lib/format";
import { serverApi } from "~/trpc/server";

export const metadata = { title: "Disputed deliveries" };

export default async function DisputesPage() {
  const disputes = await (await serverApi()).delivery.disputes();
  return (
    <>
      <PageHeader title="Disputed deliveries" description="Buyers who disputed a final price that differs from the quote they accepted, newest first, with the lines that changed." />
      {disputes.length === 0 ? (
        <EmptyState title="No disputes" body="When a buyer disputes a delivery's final price, it appears here." />
      ) : (
        <ul className="space-y-4" aria-label="Disputes">
          {disputes.map((d) => (
            <li key={d.id}>
              <Card>
                <h2 className="text-base font-semibold text-ink">{d.car} · {d.dealer}</h2>
                <p className="text-sm text-slate-600">
                  Accepted {usd(d.acceptedOtdCents)}, delivered at {usd(d.finalOtdCents)}{d.deliveredOn ? ` on ${shortDate(d.deliveredOn)}` : ""}
                  {d.disputedAt ? ` · disputed ${shortDate(d.disputedAt)}` : ""} · request {d.requestId}
                </p>
                <p className="mt-2 text-sm text-ink">The buyer wrote: “{d.reason}”</p>
                <div className="mt-3"><DeliveryChanges changes={d.changes} acceptedOtdCents={d.acceptedOtdCents} finalOtdCents={d.finalOtdCents} /></div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
