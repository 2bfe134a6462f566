import { PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { QuoteDefaultsForm } from "./quote-defaults-form";

export const metadata = { title: "Quote defaults" };

export default async function SettingsPage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader title="Quote defaults" description="The standard lines of a quote drafted from your stock, and of a blank quote form. You can still change every line on each quote." />
      <QuoteDefaultsForm isOwner={actor?.orgRole === "OWNER"} />
    </>
  );
}
