import Link from "next/link";
import { Prose, StaticPage } from "~/components/static-page";
import { env } from "~/env.js";

export const metadata = { title: "Privacy" };
// The retention period is configuration: read it at request time, not at build time.
export const dynamic = "force-dynamic";

// Every sentence here describes what the code does; change them together (src/modules/consent, vault).
export default function PrivacyPage() {
  return (
    <StaticPage>
      <h1 className="mb-4 text-2xl font-bold tracking-tight text-ink">Privacy: what happens to your data</h1>
      <Prose>
        <p>Keyturn moves your details only when you say so, and shows you every time someone looks at them.</p>

        <h2>What we keep</h2>
        <ul>
          <li>Your account: name, email, and a hash of your password (never the password itself).</li>
          <li>Your profile, if you fill it in: name, phone, address and employer.</li>
          <li>
            Your income, housing cost and credit score are encrypted in our database (AES-256-GCM, with keys
            held outside it). Your credit band (for example &ldquo;prime&rdquo;) is stored as a plain label.
          </li>
          <li>Your requests, the quotes dealers send, your messages with dealers, and your deals.</li>
        </ul>

        <h2>Who sees what</h2>
        <ul>
          <li>
            <strong>Dealers</strong> that match a request see what car you want, your budget, your city and
            credit band, and a made-up buyer name. They do not see your name, email, phone or address.
            They see what you type in a message, so do not type contact details there unless you mean to.
          </li>
          <li>
            <strong>The dealer whose quote you accept</strong> gets your name, email and phone, so they can
            complete the sale, unless your request says &ldquo;contact me only through the Keyturn thread&rdquo;: then
            they get none of these. You can revoke that on <Link className="text-brand-700 underline" href="/customer/data">My data</Link>.
          </li>
          <li>
            <strong>Lenders</strong> see your credit profile (band, score and stated income) only if you tick
            &ldquo;Share my credit profile&rdquo; on a request, only for pre-approving that request&rsquo;s
            quotes, and only as the consent text you agreed to says.
          </li>
          <li>
            <strong>A dealer&rsquo;s front desk</strong> sees the fields you choose, for the minutes you
            choose, when you hand it a counter key after a deal.
          </li>
          <li>
            <strong>Keyturn staff</strong> see account names and emails, to run the service (for example, to
            disable an account). The product gives them no view of your profile or credit details.
          </li>
        </ul>

        <h2>Your consent, and your log</h2>
        <ul>
          <li>Every share starts from a consent you gave: we store its exact text, its version and when you agreed.</li>
          <li>
            Every read of your details is written to your <Link className="text-brand-700 underline" href="/customer/data/log">access log</Link>:
            who, which fields, for what purpose, when. Never the values themselves. Those lines cannot be edited or erased.
          </li>
          <li>A soft credit check happens only when you ask for one; it does not affect your score.</li>
        </ul>

        <h2>Withdrawing and deleting</h2>
        <ul>
          <li>Revoke any share on My data. The next read is refused, and lenders are told to delete what they hold.</li>
          <li>A credit score we obtained from a bureau is deleted when no live share covers it any more.</li>
          <li>
            Your encrypted credit and income details are deleted after {env.CREDIT_RETENTION_DAYS} days without
            activity on your profile, when nothing is shared.
          </li>
        </ul>

        <h2>Cookies and email</h2>
        <ul>
          <li>Our only cookies keep you signed in and protect the sign-in form from forgery. No advertising or analytics trackers.</li>
          <li>We email you about your requests, quotes, messages and deals; you can turn emails off, or just quote or message emails, on your Notifications page.</li>
        </ul>
      </Prose>
    </StaticPage>
  );
}
