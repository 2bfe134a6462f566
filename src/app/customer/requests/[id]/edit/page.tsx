import { notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/card";
import { RequestForm } from "~/components/requests/request-form";
import { serverApi } from "~/trpc/server";

export const metadata = { title: "Edit request" };

export default async function EditRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const request = await (await serverApi()).requests.get({ requestId: id }).catch(() => null);
  if (!request) notFound();
  return (
    <>
      <PageHeader title="Edit your request" description="Dealers who already quoted are asked to re-confirm their quote against your new terms." />
      <RequestForm initial={request} requestId={id} />
    </>
  );
}
