import { Card, PageHeader } from "~/components/ui/card";
import { formatDuration } from "~/modules/speed/response-stats";
import { MARKET_DAYS } from "~/modules/analytics/market-by-metro";
import { serverApi } from "~/trpc/server";
import { DealerPrices } from "./dealer-prices";

export const metadata = { title: "Market by metro" };

const pct = (bps: number | null) => (bps == null ? "—" : `${Math.round(bps / 100)}%`);
const td = "border-b border-slate-100 py-2 pr-3 whitespace-nowrap";

export default async function AdminMarket() {
  const m = await (await serverApi()).analytics.market();
  const asOf = `${String(m.asOf.getUTCHours()).padStart(2, "0")}:${String(m.asOf.getUTCMinutes()).padStart(2, "0")} UTC`;
  return (
    <>
      <PageHeader
        title="Market by metro"
        description={`Requests posted in the last ${MARKET_DAYS} days, grouped by the request's city and state, as of ${asOf}. Match rate = requests that reached at least one dealer ÷ requests. Time to first quote = the median, over requests that got a quote, of the first quote − the posting. Acceptance rate = requests with an accepted quote ÷ requests.`}
      />
      <Card>
        {m.metros.length === 0 ? (
          <p className="text-sm text-slate-600">No requests in the last {MARKET_DAYS} days.</p>
        ) : (
          <div className="relative overflow-x-auto" role="region" aria-label="Market by metro" tabIndex={0}>
            <table className="w-full min-w-[32rem] text-left text-sm">
              <thead className="text-xs text-slate-600">
                <tr>{["Metro", "Requests", "Match rate", "Time to first quote", "Acceptance rate"].map((h) => <th key={h} scope="col" className="border-b border-slate-200 py-2 pr-3 font-medium">{h}</th>)}</tr>
              </thead>
              <tbody>
                {m.metros.map((r) => (
                  <tr key={`${r.state}-${r.city}`} data-testid="metro-row">
                    <td className={td}>{r.city}, {r.state}</td>
                    <td className={td}>{r.requests}</td>
                    <td className={td}>{pct(r.matchRateBps)}</td>
                    <td className={td}>{r.medianFirstQuoteSeconds == null ? "—" : formatDuration(r.medianFirstQuoteSeconds)}</td>
                    <td className={td}>{pct(r.acceptanceRateBps)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <h2 className="mb-2 mt-8 text-lg font-semibold text-ink">Price per accepted deal</h2>
      <p className="mb-3 text-sm text-slate-600">What each dealer pays when a buyer accepts its quote. Dealers see it on their analytics page, where it is the cost their return on leads is measured against.</p>
      <Card><DealerPrices /></Card>
    </>
  );
}
