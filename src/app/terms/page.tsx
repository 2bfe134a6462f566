import Link from "next/link";
import { Prose, StaticPage } from "~/components/static-page";

export const metadata = { title: "Terms" };

export default function TermsPage() {
  return (
    <StaticPage>
      <h1 className="mb-4 text-2xl font-bold tracking-tight text-ink">Terms of use</h1>
      <Prose>
        <p>By using Keyturn you agree to these terms. They are short on purpose.</p>
        <h2>Buyers</h2>
        <ul>
          <li>A request is free and commits you to nothing. Accepting a quote tells that dealer you want to buy on its terms; the sale itself is between you and the dealer.</li>
          <li>A pre-approval is a lender&rsquo;s offer on the figures shown, with its conditions. It is not a final loan.</li>
          <li>Tell the truth in your request and profile: dealers and lenders price on it.</li>
        </ul>
        <h2>Dealers</h2>
        <ul>
          <li>A quote is an offer you stand behind until its &ldquo;valid until&rdquo; date, for the vehicle and the itemised price it states.</li>
          <li>Use a buyer&rsquo;s contact details only to complete the purchase they accepted, and only while they allow it.</li>
        </ul>
        <h2>Lenders</h2>
        <ul>
          <li>Use a shared credit profile only to decide that request&rsquo;s pre-approvals, and delete it when told to.</li>
          <li>Every decline you make sends the buyer an adverse-action notice with your reasons.</li>
        </ul>
        <h2>Everyone</h2>
        <ul>
          <li>No scraping, no attempts to reach data that is not yours, no abuse of the messaging.</li>
          <li>How we handle data is on the <Link className="text-brand-700 underline" href="/privacy">privacy page</Link>.</li>
        </ul>
      </Prose>
    </StaticPage>
  );
}
