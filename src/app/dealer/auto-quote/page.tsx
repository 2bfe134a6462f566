import { PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { AutoQuoteForm } from "./auto-quote-form";

export const metadata = { title: "Automatic quotes" };

export default async function AutoQuotePage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader title="Automatic quotes" description="Answer new leads from your stock with no click, at a discount and a daily limit you choose." />
      <AutoQuoteForm isOwner={actor?.orgRole === "OWNER"} />
    </>
  );
}
