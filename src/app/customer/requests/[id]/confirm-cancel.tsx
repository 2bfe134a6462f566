"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";

/** The second step of "Cancel request": says what cancelling does, then does it. */
export function ConfirmCancel({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const cancel = useMutation(trpc.requests.cancel.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.requests.pathKey() }) }));
  return (
    <div className="mt-2">
      <Button variant="danger" pending={cancel.isPending} onClick={() => cancel.mutate({ requestId })}>Yes, cancel it</Button>
      <p className="mt-2 text-xs text-slate-600">Dealers are told the request closed; their quotes are declined.</p>
      {cancel.error && <div className="mt-3"><FormAlert>{errorMessage(cancel.error)}</FormAlert></div>}
    </div>
  );
}
