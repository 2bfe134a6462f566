import "uplot/dist/uPlot.min.css";
import Link from "next/link";
import type { ReactNode } from "react";
import { LazyChart } from "~/components/analytics/lazy-chart";
import { Badge, EmptyState, PageHeader } from "~/components/ui/card";
import { formatCents } from "~/modules/lending/format";
import { DRILL_LIMIT, type Stage } from "~/modules/analytics/figures";
import { formatDuration } from "~/modules/speed/response-stats";
import { serverApi } from "~/trpc/server";
import { ContactButton } from "./contact-button";
import { DrillDown } from "./drill";

export const metadata = { title: "Analytics" };

const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} UTC`;
const day = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const pct = (bps: number | null) => (bps == null ? "—" : `${Math.round(bps / 100)}%`);
const dur = (s: number | null) => (s == null ? "—" : formatDuration(s));
const minutes = (s: number | null) => (s == null ? null : Math.round(s / 6) / 10);
const money = (c: number | null) => (c == null ? "—" : formatCents(c));

const stageBadge: Record<Stage, { label: string; tone: "gray" | "blue" | "green" | "amber" }> = {
  lead: { label: "Lead", tone: "gray" },
  customer: { label: "Customer", tone: "blue" },
  repeat: { label: "Repeat customer", tone: "green" },
  former: { label: "Former customer", tone: "amber" },
};

function Section({ id, title, asOf, children, how }: { id: string; title: string; asOf: Date; children: ReactNode; how: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`} className="mb-8 min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-h`} className="text-lg font-semibold text-ink">{title}</h2>
        <p className="text-xs text-slate-600" data-testid={`${id}-asof`}>as of {hhmm(asOf)}</p>
      </div>
      <p className="mt-1 text-sm text-slate-600">{how}</p>
      <div className="mt-4">{children}</div>
    </section>
  );
}

function Table({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    // Wide tables scroll inside their own box on a phone; the page itself never scrolls sideways. The box is
    // `relative` so the screen-reader-only labels (absolutely positioned) stay inside it instead of widening the page.
    <div className="relative mt-4 overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="text-xs text-slate-600">
          <tr>{head.map((h) => <th key={h} scope="col" className="whitespace-nowrap border-b border-slate-200 py-2 pr-3 font-medium">{h}</th>)}</tr>
        </thead>
        <tbody className="align-top">{children}</tbody>
      </table>
    </div>
  );
}
const td = "border-b border-slate-100 py-2 pr-3 whitespace-nowrap";

export default async function DealerAnalytics() {
  const api = await serverApi();
  const [a, c] = await Promise.all([api.analytics.dealer(), api.analytics.customers()]);
  const leads = a.funnel.stages[0]!.count;
  const weekLabels = a.speed.map((w) => day(w.weekStart));
  return (
    <>
      <PageHeader
        title="Analytics"
        description={`Your last 12 weeks, from Monday ${day(a.since)} (weeks start Monday 00:00 UTC), computed from your leads and deals when you opened this page. Each figure lists the leads behind it.`}
      />
      {leads === 0 && a.return.total.accepted === 0 && c.customers.length === 0 ? (
        <EmptyState
          title="No leads in the last 12 weeks yet"
          body="Speed, funnel, return and customer figures appear here once buyers' requests reach you as leads."
          action={<Link href="/dealer" className="text-brand-700 underline">Go to your leads</Link>}
        />
      ) : (
        <>
          <Section
            id="speed"
            title="Speed to first response"
            asOf={a.asOf}
            how="Time to first response = your first answer on a lead (a quote, a message, or passing on it, whichever came first) − when the lead arrived, by the week it arrived. Median and 90th percentile are over the leads you answered; the 5-minute share is over all leads, so a lead never answered counts against it. Leads under 5 minutes old and not yet answered are left out."
          >
            <LazyChart
              labels={weekLabels}
              yLabel="minutes"
              format="minutes"
              series={[
                { label: "Median (minutes)", values: a.speed.map((w) => minutes(w.medianSeconds)), color: "#1d4ed8", kind: "line" },
                { label: "90th percentile (minutes)", values: a.speed.map((w) => minutes(w.p90Seconds)), color: "#b45309", kind: "line" },
              ]}
            />
            <Table label="Speed by week" head={["Week of", "Leads", "Answered", "Median", "90th percentile", "Within 5 min", "Leads behind it"]}>
              {a.speed.map((w) => (
                <tr key={w.weekStart.toISOString()} data-testid="speed-row">
                  <td className={td}>{day(w.weekStart)}</td>
                  <td className={td}>{w.leads}</td>
                  <td className={td}>{w.responded}</td>
                  <td className={td}>{dur(w.medianSeconds)}</td>
                  <td className={td}>{dur(w.p90Seconds)}</td>
                  <td className={td}>{pct(w.within5mBps)}</td>
                  <td className={td}><DrillDown drill={w.drill} label={`the week of ${day(w.weekStart)}`} /></td>
                </tr>
              ))}
            </Table>
          </Section>

          <Section
            id="funnel"
            title="Funnel"
            asOf={a.asOf}
            how="Leads that arrived in the 12 weeks, and how many of them reached each stage, whatever happened after: opened (you opened the lead), quoted (you sent a quote), pre-approved (a lender approved or conditionally approved one of your quotes on it), accepted (the buyer accepted your quote), delivered (you recorded the delivery and did not mark it not delivered). Win rate = accepted ÷ quoted. Pass rate = leads you passed on ÷ leads."
          >
            <LazyChart labels={a.funnel.stages.map((s) => s.label)} yLabel="leads" format="count" series={[{ label: "Leads reaching the stage", values: a.funnel.stages.map((s) => s.count), color: "#1d4ed8", kind: "bars" }]} />
            <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
              <div className="rounded-lg bg-slate-50 px-3 py-2"><dt className="text-xs text-slate-600">Win rate</dt><dd className="text-lg font-semibold" data-testid="win-rate">{pct(a.funnel.winRateBps)}</dd></div>
              <div className="rounded-lg bg-slate-50 px-3 py-2"><dt className="text-xs text-slate-600">Pass rate</dt><dd className="text-lg font-semibold" data-testid="pass-rate">{pct(a.funnel.passRateBps)}</dd></div>
            </dl>
            <Table label="Funnel stages" head={["Stage", "Leads", "Of all leads", "Leads behind it"]}>
              {a.funnel.stages.map((s) => (
                <tr key={s.key} data-testid={`funnel-${s.key}`}>
                  <td className={td}>{s.label}</td>
                  <td className={td}>{s.count}</td>
                  <td className={td}>{leads ? `${Math.round((s.count * 100) / leads)}%` : "—"}</td>
                  <td className={td}><DrillDown drill={s.drill} label={s.label} /></td>
                </tr>
              ))}
              <tr>
                <td className={td}>Passed</td>
                <td className={td}>{a.funnel.passed.total}</td>
                <td className={td}>{pct(a.funnel.passRateBps)}</td>
                <td className={td}><DrillDown drill={a.funnel.passed} label="passed leads" /></td>
              </tr>
            </Table>
          </Section>

          <Section
            id="return"
            title="Return on leads"
            asOf={a.asOf}
            how={<>
              By the week the buyer accepted. Revenue = the final out-the-door totals of delivered deals. Gross profit = what you recorded on those deliveries (none recorded counts as $0). Cost = accepted deals × your price per accepted deal, {formatCents(a.pricePerDealCents)} today (set by Keyturn; past weeks are counted at today&apos;s price). Net = gross profit − cost. ROI = net ÷ cost. Net per lead = net ÷ leads that arrived that week.
            </>}
          >
            <LazyChart
              labels={weekLabels}
              yLabel="dollars"
              format="dollars"
              series={[
                { label: "Gross profit", values: a.return.weeks.map((w) => w.grossProfitCents / 100), color: "#15803d", kind: "line" },
                { label: "Cost of leads", values: a.return.weeks.map((w) => w.costCents / 100), color: "#b91c1c", kind: "line" },
              ]}
            />
            <Table label="Return by week" head={["Week of", "Leads", "Accepted", "Delivered", "Revenue", "Gross profit", "Cost", "Net", "ROI", "Net per lead", "Deals behind it"]}>
              {[...a.return.weeks, a.return.total].map((w) => (
                <tr key={w.weekStart?.toISOString() ?? "total"} data-testid={w.weekStart ? "return-row" : "return-total"} className={w.weekStart ? "" : "font-semibold"}>
                  <td className={td}>{w.weekStart ? day(w.weekStart) : "All 12 weeks"}</td>
                  <td className={td}>{w.leads}</td>
                  <td className={td}>{w.accepted}</td>
                  <td className={td}>{w.delivered}</td>
                  <td className={td}>{money(w.revenueCents)}</td>
                  <td className={td}>{money(w.grossProfitCents)}</td>
                  <td className={td}>{money(w.costCents)}</td>
                  <td className={td}>{money(w.netCents)}</td>
                  <td className={td}>{pct(w.roiBps)}</td>
                  <td className={td}>{money(w.netPerLeadCents)}</td>
                  <td className={td}><DrillDown drill={w.drill} label={w.weekStart ? `deals of the week of ${day(w.weekStart)}` : "all deals"} /></td>
                </tr>
              ))}
            </Table>
          </Section>

          <Section
            id="customers"
            title="Customers"
            asOf={c.asOf}
            how={<>
              Every buyer who accepted one of your quotes, at any time (deals marked not delivered are left out). Stage: customer after one deal, repeat customer after two or more, former customer once the buyer took back your contact key or bought from another dealer on a later request. A deal counts at its final out-the-door total once delivered, at the accepted total until then. Lifetime value = deals so far + repeat rate × average deal (a former customer gets no projection). Your repeat rate is {pct(c.repeatRateBps)} ({c.repeatCustomers} of {c.customerCount} customers) and your average deal {formatCents(c.averageDealCents)}. Names are read only when you press &quot;Show contact&quot;, through the buyer&apos;s grant, and each read shows in that buyer&apos;s access log.
            </>}
          >
            {c.customers.length === 0 ? (
              <p className="text-sm text-slate-600">No customers yet: a buyer becomes one when they accept your quote.</p>
            ) : (
              <Table label="Customers" head={["Customer", "Stage", "Deals", "So far", "Projected", "Lifetime value", "Contact", "Leads"]}>
                {c.customers.map((x) => (
                  <tr key={x.latestLeadId} data-testid="customer-row">
                    <td className={td}><Link href={`/dealer/leads/${x.latestLeadId}`} className="text-brand-700 underline underline-offset-2">{x.alias}</Link></td>
                    <td className={td}>
                      <Badge tone={stageBadge[x.stage].tone}>{stageBadge[x.stage].label}</Badge>
                      {x.formerReason && <span className="ml-1 text-xs text-slate-600">({x.formerReason === "revoked" ? "took back your key" : "bought elsewhere"})</span>}
                    </td>
                    <td className={td}>{x.deals}</td>
                    <td className={td}>{money(x.soFarCents)}</td>
                    <td className={td}>{money(x.projectedCents)}</td>
                    <td className={td}>{money(x.lifetimeCents)}</td>
                    <td className={td}>{x.stage === "former" ? <span className="text-slate-600">No contact data</span> : <ContactButton leadId={x.latestLeadId} alias={x.alias} />}</td>
                    <td className={td}><DrillDown drill={{ total: x.leads.length, leads: x.leads.slice(0, DRILL_LIMIT) }} label={`${x.alias}'s deals`} /></td>
                  </tr>
                ))}
              </Table>
            )}
          </Section>
        </>
      )}
    </>
  );
}
