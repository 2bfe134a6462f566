import { PageHeader } from "~/components/ui/card";
import { LeadDetail } from "./lead-detail";

export const metadata = { title: "Lead" };

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <PageHeader title="Lead" description="What the buyer wants and why it reached you. Quote a specific vehicle, or pass." />
      <LeadDetail leadId={id} />
    </>
  );
}
