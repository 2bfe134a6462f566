import { ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { LeadsBoard } from "./leads-board";

export const metadata = { title: "Leads" };

export default function DealerHome() {
  return (
    <>
      <PageHeader
        title="Leads"
        description="Buyers near you who want what you sell, newest first. New leads appear live."
        actions={<ButtonLink href="/dealer/coverage" variant="secondary">Coverage settings</ButtonLink>}
      />
      <LeadsBoard />
    </>
  );
}
