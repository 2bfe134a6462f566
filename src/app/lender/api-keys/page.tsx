import { EmptyState, PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { ApiKeysPanel } from "./api-keys-panel";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader title="API keys" description="Keys let your systems call the Keyturn Lender API. A key is shown once when you create it; we keep only a fingerprint." />
      {actor?.orgRole === "OWNER" ? <ApiKeysPanel /> : <EmptyState title="Owners only" body="Ask an owner of your lender account to create or revoke API keys." />}
    </>
  );
}
