import { PageHeader, EmptyState } from "~/components/ui/card";

export const metadata = { title: "Leads" };

export default function DealerHome() {
  return (
    <>
      <PageHeader title="Leads" description="Buyers near you who want what you sell, newest first." />
      <EmptyState title="No leads yet" body="When a buyer within your coverage posts a request, it appears here at once." />
    </>
  );
}
