import { notFound } from "next/navigation";
import { PageHeader } from "~/components/ui/card";
import { Prefetched, prefetcher } from "~/trpc/prefetch";
import { RequestView } from "./request-view";
import { RequestDetails, RequestTitle } from "./request-details";

export const metadata = { title: "Your request" };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { trpc, queryClient } = await prefetcher();
  // Access is checked here too, so someone else's request id is a plain 404.
  const request = await queryClient.fetchQuery(trpc.requests.get.queryOptions({ requestId: id })).catch(() => null);
  if (!request) notFound();
  // The inbox arrives in the HTML; live events and the browser's own fetches take over from there.
  await Promise.all([
    queryClient.prefetchQuery(trpc.inbox.get.queryOptions({ requestId: id })),
    queryClient.prefetchQuery(trpc.threads.unread.queryOptions({ requestId: id })),
  ]);
  return (
    <Prefetched queryClient={queryClient}>
      <PageHeader title="Your request" description="Which dealers it reached and every quote they send, updated live; nothing to refresh." />
      <RequestView requestId={id} title={<RequestTitle r={request} />} details={<RequestDetails r={request} />} />
    </Prefetched>
  );
}
