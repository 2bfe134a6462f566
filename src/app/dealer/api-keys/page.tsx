import { EmptyState, PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { ApiKeysPanel } from "./api-keys-panel";

export const metadata = { title: "API keys" };

export default async function DealerApiKeysPage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let your inventory system keep your stock in sync through PUT and GET /api/v1/inventory (the reference is at /api/v1/openapi.json). A key is shown once when you create it; we keep only a fingerprint."
      />
      {actor?.orgRole === "OWNER" ? <ApiKeysPanel /> : <EmptyState title="Owners only" body="Ask an owner of your dealership to create or revoke API keys." />}
    </>
  );
}
