import Link from "next/link";
import { PageHeader } from "~/components/ui/card";

export const metadata = { title: "Settings" };

// Each setting keeps its own page (and URL); this page is the one way in from the section nav, so a
// phone shows four sections instead of nine.
const settings = [
  { href: "/dealer/coverage", title: "Coverage", body: "Where you sell, what you sell, your price range and how many leads a day you take." },
  { href: "/dealer/settings/quote-defaults", title: "Quote defaults", body: "The doc fee, add-ons, tax rate and validity a quote from your stock starts with." },
  { href: "/dealer/auto-quote", title: "Automatic quotes", body: "Answer a new lead with your best fitting unit, with no click, within a daily cap." },
  { href: "/dealer/crm", title: "CRM delivery", body: "Send each lead to your CRM as ADF/XML by email or HTTP, and see the delivery log." },
  { href: "/dealer/api-keys", title: "API keys", body: "Keys for your inventory system to send stock to Keyturn." },
  { href: "/dealer/team", title: "Team", body: "Who at your dealership can see leads and send quotes." },
];

export default function SettingsHub() {
  return (
    <>
      <PageHeader title="Settings" description="How your dealership receives leads and answers them." />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {settings.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500">
              <span className="block text-base font-semibold text-ink">{s.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{s.body}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
