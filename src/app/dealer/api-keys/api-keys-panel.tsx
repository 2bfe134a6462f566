"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiKeysPanel as Panel } from "~/components/api-keys-panel";
import { useTRPC } from "~/trpc/react";

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const keys = useQuery(trpc.inventory.apiKeys.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.inventory.apiKeys.queryKey() });
  const create = useMutation(trpc.inventory.createApiKey.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.inventory.revokeApiKey.mutationOptions({ onSuccess: refresh }));
  return (
    <Panel
      keys={keys}
      create={create}
      revoke={revoke}
      copy={{
        emptyBody: "Create a test key to try a feed as a dry run, then a live key for your inventory system.",
        namePlaceholder: "Dealer management system",
        live: "Live — writes your stock",
        test: "Test — dry run, never writes",
      }}
    />
  );
}
