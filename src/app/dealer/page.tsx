import { ButtonLink } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { Prefetched, prefetcher } from "~/trpc/prefetch";
import { serverApi } from "~/trpc/server";
import { SpeedStrip } from "./speed-strip";
import { LeadsBoard, leadsPageOptions } from "./leads-board";

export const metadata = { title: "Leads" };

export default async function DealerHome() {
  const { trpc, queryClient } = await prefetcher();
  const speed = await (await serverApi()).dealer.speed().catch(() => null);
  // The board's first screen (all leads, newest first) comes in the HTML; the same keys as the board's queries.
  const leads = await queryClient.fetchInfiniteQuery(trpc.dealer.leads.infiniteQueryOptions({ status: "ALL" }, leadsPageOptions)).catch(() => null);
  // Then the unread badges of exactly those leads, as the board asks for them.
  const leadIds = leads?.pages.flatMap((p) => p.items.map((l) => l.id)) ?? [];
  if (leadIds.length > 0) await queryClient.prefetchQuery(trpc.threads.dealerUnread.queryOptions({ leadIds }));
  return (
    <Prefetched queryClient={queryClient}>
      <PageHeader
        title="Leads"
        description="Buyers near you who want what you sell, newest first. New leads appear live."
        actions={<ButtonLink href="/dealer/coverage" variant="secondary">Coverage settings</ButtonLink>}
      />
      {speed && <SpeedStrip stats={speed} />}
      <LeadsBoard />
    </Prefetched>
  );
}
