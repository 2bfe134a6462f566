import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import { wire } from "~/lib/wire";
import { appRouter } from "~/server/api/root";
import { serverContext } from "~/trpc/server";

/**
 * Server-side prefetch for a page's first screen: the same procedures and access checks as the browser's
 * calls (no HTTP hop), with the same query keys, so the client components render the data in the HTML and
 * do not wait for their first fetch. A query that fails here is simply not sent; the browser fetches it.
 */
export async function prefetcher() {
  const queryClient = new QueryClient({ defaultOptions: { dehydrate: { serializeData: wire.serialize } } });
  const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: await serverContext(), queryClient });
  return { trpc, queryClient };
}

/** Hands what was prefetched to the browser's query cache (Dates survive through the wire format, src/lib/wire.ts). */
export function Prefetched({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
