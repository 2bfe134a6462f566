import { PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { PolicyEditor } from "./policy-editor";

export const metadata = { title: "Auto-decision policy" };

export default async function PolicyPage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader
        title="Auto-decision policy"
        description="Without an integration, this table decides every matching pre-approval request the moment it arrives. Pause it to decide through the API instead."
      />
      <PolicyEditor canEdit={actor?.orgRole === "OWNER"} />
    </>
  );
}
