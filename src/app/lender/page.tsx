import { PageHeader } from "~/components/ui/card";
import { ButtonLink } from "~/components/ui/button";
import { Prefetched, prefetcher } from "~/trpc/prefetch";
import { LenderQueue } from "./lender-queue";

export const metadata = { title: "Lender console" };

export default async function LenderHome() {
  const { trpc, queryClient } = await prefetcher();
  // The queue's first tab ("All") comes in the HTML.
  await queryClient.prefetchQuery(trpc.lending.overview.queryOptions({ status: undefined }));
  return (
    <Prefetched queryClient={queryClient}>
      <PageHeader
        title="Lender console"
        description="Pre-approval requests for quotes on Keyturn. Your auto-decision policy answers at once; the rest wait for your API integration, or for you to review them here."
        actions={<ButtonLink href="/docs/api" variant="secondary">API reference</ButtonLink>}
      />
      <LenderQueue />
    </Prefetched>
  );
}
