import { PageHeader } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { LenderQueue } from "./lender-queue";

export const metadata = { title: "Lender console" };

export default function LenderHome() {
  return (
    <>
      <PageHeader
        title="Lender console"
        description="Pre-approval requests for quotes on Keyturn. Your auto-decision policy answers at once; the rest wait for your API integration, or for you to review them here."
        actions={<ButtonLink href="/docs/api" variant="secondary">API reference</ButtonLink>}
      />
      <LenderQueue />
    </>
  );
}
