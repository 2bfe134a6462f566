import { PageHeader, EmptyState } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";

export const metadata = { title: "My requests" };

export default async function CustomerHome() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader title={`Hi, ${actor?.name.split(" ")[0] ?? "there"}`} description="Your car requests and the quotes dealers send you." />
      <EmptyState title="No requests yet" body="Tell local dealers what you want. They compete with itemised quotes; nobody gets your contact details." />
    </>
  );
}
