import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Brand } from "~/components/brand";
import { Card } from "~/components/ui/card";
import { openCounterKey, type CounterKeyView } from "~/modules/consent/counter-key";
import { FIELD_SHORT } from "~/modules/consent/describe";
import { clientIp } from "~/server/client-ip";
import { AppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";

export const dynamic = "force-dynamic";
// The token is in the URL: keep it out of referrers, search engines and caches.
export const metadata = { title: "Customer key", referrer: "no-referrer", robots: { index: false, follow: false } };

const fmtTime = (d: Date) => d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

async function load(token: string): Promise<CounterKeyView | "limited" | null> {
  try {
    await enforceRateLimit(`counter-key:${clientIp(new Headers(await headers()))}`, 30, 60, "key look-ups");
    return await openCounterKey(token);
  } catch (e) {
    if (e instanceof AppError && e.code === "RATE_LIMITED") return "limited";
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

/** The dealer's desk opens the customer's counter key: exactly the granted fields, each open logged. */
export default async function CounterKeyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await load(token);
  if (view === null) notFound();
  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <Brand href="/" />
      {view === "limited" ? (
        <Card className="mt-6"><h1 className="text-xl font-bold">Too many attempts</h1><p className="mt-1 text-sm text-slate-600">Please wait a minute and try again.</p></Card>
      ) : view.state !== "open" ? (
        <Card className="mt-6">
          <h1 className="text-xl font-bold" data-testid="key-state">{view.state === "revoked" ? "The customer cancelled this key" : "This key has expired"}</h1>
          <p className="mt-1 text-sm text-slate-600">It no longer opens anything. Ask the customer to give {view.dealerName} a new key from their Keyturn app.</p>
        </Card>
      ) : (
        <Card className="mt-6">
          <p className="text-sm text-slate-600">Shared with {view.dealerName}&apos;s front desk until {fmtTime(view.expiresAt)}. The customer can see that you opened this.</p>
          <h1 className="mt-2 text-xl font-bold" data-testid="key-state">Customer details</h1>
          <dl className="mt-4 divide-y divide-slate-200 text-sm" data-testid="key-fields">
            {view.data.contact && (
              <>
                <Row label="Name" value={`${view.data.contact.firstName} ${view.data.contact.lastName}`} />
                <Row label="Email" value={view.data.contact.email} />
                <Row label="Phone" value={view.data.contact.phone} />
              </>
            )}
            {view.data.address && (
              <Row label="Address" value={[view.data.address.street, [view.data.address.city, view.data.address.state].filter(Boolean).join(", "), view.data.address.zip].filter(Boolean).join(" · ")} />
            )}
            {view.data.income && (
              <>
                <Row label="Employer" value={view.data.income.employer} />
                <Row label="Yearly income" value={money(view.data.income.annualIncomeCents)} />
                <Row label="Monthly housing cost" value={money(view.data.income.housingCostCents)} />
              </>
            )}
            {view.data.credit && (
              <Row label="Credit score" value={view.data.credit.score != null ? `${view.data.credit.score} (${view.data.credit.source === "BUREAU" ? "soft check" : "self-reported"})` : view.data.credit.tier ? `${view.data.credit.tier.replace("_", " ").toLowerCase()} band (self-reported)` : null} />
            )}
          </dl>
          <p className="mt-4 text-xs text-slate-600">Shared: {view.fields.map((f) => FIELD_SHORT[f]).join(", ")}. Nothing else is available through this key.</p>
        </Card>
      )}
    </main>
  );
}

function Row({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="grid grid-cols-[140px_1fr] gap-2 py-2">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-ink">{value || "Not provided"}</dd>
    </div>
  );
}

const money = (c: number | null) => (c == null ? null : `$${Math.round(c / 100).toLocaleString("en-US")}`);
