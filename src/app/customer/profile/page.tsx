import { PageHeader } from "~/components/ui/card";
import { env } from "~/env.js";
import { ProfileForm } from "./profile-form";

export const metadata = { title: "My profile" };

export default function ProfilePage() {
  return (
    <>
      <PageHeader
        title="My profile"
        description="Fill this in once and reuse it on every request. Nobody sees it unless you give them a key, and you can see every look on the My data page."
      />
      <ProfileForm />
      <p className="mt-6 max-w-prose text-xs text-slate-600">
        Your income, housing cost and credit score are stored encrypted. If you aren&apos;t sharing them with anyone and
        haven&apos;t updated your profile for {env.CREDIT_RETENTION_DAYS} days, we delete them. A score from a credit check is also
        deleted when you stop sharing it with lenders.
      </p>
    </>
  );
}
