import { ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { RequestsList } from "./requests-list";

export const metadata = { title: "My requests" };

export default async function CustomerHome() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader
        title={`Hi, ${actor?.name.split(" ")[0] ?? "there"}`}
        description="Your car requests and the quotes dealers send you."
        actions={<ButtonLink href="/customer/requests/new">New request</ButtonLink>}
      />
      <RequestsList />
    </>
  );
}
