import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Brand } from "~/components/brand";
import { Card } from "~/components/ui/card";
import { openCounterKey, type CounterKeyView, type RefusedReason } from "~/modules/consent/open-counter-key";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { currentActor } from "~/server/auth/session";
import { FIELD_SHORT } from "~/modules/consent/describe";
import { clientIp } from "~/server/client-ip";
import { AppError } from "~/server/errors";
import { enforceRateLimit } from "~/server/rate-limit";

export const dynamic = "force-dynamic";
// The token is in the URL: keep it out of referrers, search engines and caches.
export const metadata = { title: "Customer key", referrer: "no-referrer", robots: { index: false, follow: false } };

const fmtTime = (d: Date) => d.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

async function load(token: string, code: string | null): Promise<CounterKeyView | "limited" | null> {
  try {
    await enforceRateLimit(`counter-key:${clientIp(new Headers(await headers()))}`, 30, 60, "key look-ups");
    return await openCounterKey(token, { viewer: await currentActor(), code });
  } catch (e) {
    if (e instanceof AppError && e.code === "RATE_LIMITED") return "limited";
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

/**
 * The dealer's desk opens the customer's counter key: exactly the granted fields, only for that dealer's
 * signed-in staff or with the one-time code the customer reads out; every opening (and refusal) logged.
 * The code comes as ?code= (a GET form): it works once, so a copy left in the history opens nothing.
 */
export default async function CounterKeyPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ code?: string | string[] }> }) {
  const { token } = await params;
  const raw = (await searchParams).code;
  const code = typeof raw === "string" ? raw.slice(0, 20) : null;
  const view = await load(token, code);
  if (view === null) notFound();
  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <Brand href="/" />
      {view === "limited" ? (
        <Card className="mt-6"><h1 className="text-xl font-bold">Too many attempts</h1><p className="mt-1 text-sm text-slate-600">Please wait a minute and try again.</p></Card>
      ) : view.state === "refused" ? (
        <Refused token={token} dealerName={view.dealerName} reason={view.reason} />
      ) : view.state !== "open" ? (
        <Card className="mt-6">
          <h1 className="text-xl font-bold" data-testid="key-state">{view.state === "revoked" ? "The customer cancelled this key" : "This key has expired"}</h1>
          <p className="mt-1 text-sm text-slate-600">It no longer opens anything. Ask the customer to give {view.dealerName} a new key from their Keyturn app.</p>
        </Card>
      ) : (
        <Card className="mt-6">
          <p className="text-sm text-slate-600">Shared with {view.dealerName}&apos;s front desk until {fmtTime(view.expiresAt)}. Opened as: {view.openedAs}. The customer can see that you opened this.</p>
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

const REFUSED: Record<RefusedReason, string> = {
  "signed-out": "Sign in with your dealership's Keyturn account, or type the 6-digit code the customer reads out to you.",
  "wrong-code": "That code is not right. Ask the customer to read it out again. After 5 wrong codes the key needs a new code.",
  "code-used": "That code was already used, or too many wrong codes were tried. Sign in as staff, or ask the customer for a new key.",
  "someone-else": "This key works only for the dealership it was made for. The customer can see that this account tried to open it.",
};

/** Nothing of the customer is shown; the attempt is already in the customer's log. */
function Refused({ token, dealerName, reason }: { token: string; dealerName: string; reason: RefusedReason }) {
  return (
    <Card className="mt-6">
      <h1 className="text-xl font-bold" data-testid="key-state">This key is for {dealerName}&apos;s desk</h1>
      <p className="mt-1 text-sm text-slate-600" data-testid="key-refused">{REFUSED[reason]}</p>
      {reason !== "someone-else" && (
        <>
          <form method="get" className="mt-4 flex flex-wrap items-end gap-2" aria-label="Open with the customer's code">
            <Field label="Customer's 6-digit code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required className="max-w-[12rem]" />
            <Button type="submit">Open</Button>
          </form>
          <p className="mt-3 text-sm"><a className="text-brand-700 underline" href={`/signin?callbackUrl=${encodeURIComponent(`/key/${token}`)}`}>Sign in as {dealerName} staff</a></p>
        </>
      )}
    </Card>
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
