"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiKeysPanel as Panel } from "~/components/api-keys-panel";
import { useTRPC } from "~/trpc/react";

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const keys = useQuery(trpc.lending.apiKeys.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lending.apiKeys.queryKey() });
  const create = useMutation(trpc.lending.createApiKey.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.lending.revokeApiKey.mutationOptions({ onSuccess: refresh }));
  return (
    <Panel
      keys={keys}
      create={create}
      revoke={revoke}
      copy={{
        emptyBody: "Create a test key to try the API against the sandbox, then a live key for production.",
        namePlaceholder: "Loan origination system",
        live: "Live — real pre-approval requests",
        test: "Test — sandbox, never live data",
      }}
    />
  );
}
