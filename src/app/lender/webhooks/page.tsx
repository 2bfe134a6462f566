import { EmptyState, PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { WebhooksPanel } from "./webhooks-panel";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="We POST signed events to your endpoint: pre_approval.requested, pre_approval.cancelled, quote.revised, consent.revoked and deal.accepted. Failed deliveries retry with backoff."
      />
      {actor?.orgRole === "OWNER" ? <WebhooksPanel /> : <EmptyState title="Owners only" body="Ask an owner of your lender account to manage webhooks." />}
    </>
  );
}
