import { PageHeader } from "~/components/ui/card";
import { currentActor } from "~/server/auth/session";
import { CoverageForm } from "./coverage-form";

export const metadata = { title: "Coverage" };

export default async function CoveragePage() {
  const actor = await currentActor();
  return (
    <>
      <PageHeader title="Coverage" description="Which buyers reach you: where, what you sell, your price range and how many leads a day." />
      <CoverageForm isOwner={actor?.orgRole === "OWNER"} />
    </>
  );
}
