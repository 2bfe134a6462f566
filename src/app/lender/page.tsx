import { PageHeader, EmptyState } from "~/components/ui/card";

export const metadata = { title: "Lender console" };

export default function LenderHome() {
  return (
    <>
      <PageHeader title="Lender console" description="Pre-approval requests, your auto-decision policy, API keys and webhooks." />
      <EmptyState title="No pre-approval requests yet" />
    </>
  );
}
