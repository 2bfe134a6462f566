import { PageHeader } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { PreApprovalReview } from "./pre-approval-review";

export const metadata = { title: "Pre-approval request" };

export default async function PreApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <PageHeader
        title="Pre-approval request"
        description="The quote, and what the buyer chose to share with you. Opening this page is shown to the buyer on their access log."
        actions={<ButtonLink href="/lender" variant="secondary">Back to the queue</ButtonLink>}
      />
      <PreApprovalReview id={id} />
    </>
  );
}
