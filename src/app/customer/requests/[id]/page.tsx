import { notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/card";
import { serverApi } from "~/trpc/server";
import { RequestView } from "./request-view";

export const metadata = { title: "Your request" };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Access is checked here too, so someone else's request id is a plain 404.
  const request = await (await serverApi()).requests.get({ requestId: id }).catch(() => null);
  if (!request) notFound();
  return (
    <>
      <PageHeader title="Your request" description="Which dealers it reached and every quote they send, updated live; nothing to refresh." />
      <RequestView requestId={id} />
    </>
  );
}
