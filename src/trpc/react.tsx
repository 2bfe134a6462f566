"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { wire } from "~/lib/wire";
import type { AppRouter } from "~/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // What server components prefetched (src/trpc/prefetch.tsx) arrives in the wire format (src/lib/wire.ts).
      hydrate: { deserializeData: wire.deserialize },
      queries: { staleTime: 5_000, retry: (count, err) => count < 2 && !/4\d\d/.test(String((err as { data?: { httpStatus?: number } })?.data?.httpStatus ?? "")) },
    },
  });
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // Live updates arrive over server-sent events; everything else is batched HTTP.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: wire }),
          false: httpBatchLink({ url: "/api/trpc", transformer: wire }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
