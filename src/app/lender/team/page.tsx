import { PageHeader } from "~/components/ui/card";
import { TeamPanel } from "~/components/team-panel";
import { currentActor } from "~/server/auth/session";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader title="Team" description="Everyone who works in this account." />
      <TeamPanel isOwner={actor?.orgRole === "OWNER"} />
    </>
  );
}
