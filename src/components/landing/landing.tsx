import { Brand } from "~/components/brand";
import { ButtonLink } from "~/components/ui/button";

const steps = [
  { title: "Say what you want", body: "Body type, budget, ZIP and radius, trade-in. No name, email or phone goes to anyone." },
  { title: "Local dealers compete", body: "Only dealers that sell what you want, within your radius, see your request. They answer with real, itemised quotes." },
  { title: "Financing comes attached", body: "Lenders you allow pre-approve each quote: a real APR and monthly payment, not a “starting at”." },
  { title: "You hold the key", body: "Compare out-the-door prices like for like. Accept one. Only that dealer gets your details — and you can see every look." },
];

/** The home page's content. `dashboardHref` is where a signed-in visitor's dashboard is, else null. */
export function Landing({ dashboardHref }: { dashboardHref: string | null }) {
  return (
    <div className="min-h-dvh bg-gradient-to-b from-brand-50 to-slate-50">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4">
        <Brand />
        <nav aria-label="Account" className="flex gap-2">
          {dashboardHref ? (
            <ButtonLink href={dashboardHref}>Go to your dashboard</ButtonLink>
          ) : (
            <>
              <ButtonLink href="/signin" variant="ghost">Sign in</ButtonLink>
              <ButtonLink href="/signup">Get started</ButtonLink>
            </>
          )}
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-4 pb-16">
        <section className="py-12 sm:py-20">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">The car market, turned around</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-ink sm:text-5xl">
            Tell dealers what you want. Let them compete for it.
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            Post one request. Matching local dealers send itemised, out-the-door quotes, each with financing already
            pre-approved by lenders you choose. Nobody gets your contact details until you accept.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/signup" className="px-6 py-3 text-base">Post a car request</ButtonLink>
            <ButtonLink href="/signup?role=DEALER" variant="secondary" className="px-6 py-3 text-base">I’m a dealer</ButtonLink>
            <ButtonLink href="/signup?role=LENDER" variant="secondary" className="px-6 py-3 text-base">I’m a lender</ButtonLink>
          </div>
        </section>
        <section aria-labelledby="how" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <h2 id="how" className="sr-only">How it works</h2>
          {steps.map((s, i) => (
            <div key={s.title} className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
              <span className="grid size-8 place-items-center rounded-full bg-brand-600 text-sm font-bold text-white">{i + 1}</span>
              <h3 className="mt-3 font-semibold text-ink">{s.title}</h3>
              <p className="mt-1 text-sm text-slate-600">{s.body}</p>
            </div>
          ))}
        </section>
      </main>
    </div>
  );
}
