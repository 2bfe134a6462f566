"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Loading } from "~/components/ui/card";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";

const when = (d: Date | string | null) => (d ? new Date(d).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }) : "Never");

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const keys = useQuery(trpc.lending.apiKeys.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lending.apiKeys.queryKey() });
  const create = useMutation(trpc.lending.createApiKey.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.lending.revokeApiKey.mutationOptions({ onSuccess: refresh }));
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const errors = fieldErrors(create.error);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
      <section aria-labelledby="keys-heading" className="min-w-0 space-y-4">
        <h2 id="keys-heading" className="text-lg font-semibold">Your keys</h2>
        {created && (
          <div role="status" className="rounded-xl border border-green-200 bg-green-50 p-4" data-testid="new-key">
            <p className="font-semibold text-green-900">Copy “{created.name}” now — it will not be shown again.</p>
            <div className="mt-2 flex flex-col gap-2 sm:flex-row">
              <code className="min-w-0 flex-1 break-all rounded-lg bg-white px-3 py-2 font-mono text-sm text-ink ring-1 ring-green-200" data-testid="new-key-secret">{created.secret}</code>
              <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}>{copied ? "Copied" : "Copy"}</Button>
            </div>
            <p className="mt-2 text-sm text-green-900">Send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Never put it in a URL.</p>
          </div>
        )}
        {revoke.error && <FormAlert>{errorMessage(revoke.error)}</FormAlert>}
        {keys.isPending ? (
          <Loading />
        ) : !keys.data?.length ? (
          <EmptyState title="No API keys yet" body="Create a test key to try the API against the sandbox, then a live key for production." />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="api-key-list">
            {keys.data.map((k) => (
              <li key={k.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {k.name}
                    <Badge tone={k.mode === "LIVE" ? "blue" : "gray"}>{k.mode === "LIVE" ? "Live" : "Test"}</Badge>
                    {k.revokedAt && <Badge tone="red">Revoked</Badge>}
                  </p>
                  <p className="text-sm text-slate-600">
                    <code className="font-mono">{k.prefix}…</code> · created {when(k.createdAt)} · last used {when(k.lastUsedAt)}
                  </p>
                </div>
                {!k.revokedAt && (
                  <Button
                    variant="secondary"
                    aria-label={`Revoke ${k.name}`}
                    pending={revoke.isPending && revoke.variables?.id === k.id}
                    onClick={() => {
                      if (confirm(`Revoke “${k.name}”? Calls with it fail from now on.`)) revoke.mutate({ id: k.id });
                    }}
                  >
                    Revoke
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Card>
        <h2 className="text-lg font-semibold">Create a key</h2>
        <form
          noValidate
          className="mt-4 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const f = new FormData(form);
            setCopied(false);
            create.mutate(
              { name: String(f.get("name") ?? ""), mode: f.get("mode") === "TEST" ? "TEST" : "LIVE" },
              { onSuccess: (k) => { setCreated({ name: k.name, secret: k.secret }); form.reset(); } },
            );
          }}
        >
          {create.error && !Object.keys(errors).length && <FormAlert>{errorMessage(create.error)}</FormAlert>}
          <Field label="Name" name="name" placeholder="Loan origination system" error={errors.name} required maxLength={60} />
          <SelectField label="Mode" name="mode" defaultValue="LIVE">
            <option value="LIVE">Live — real pre-approval requests</option>
            <option value="TEST">Test — sandbox, never live data</option>
          </SelectField>
          <Button type="submit" pending={create.isPending} className="w-full">Create key</Button>
        </form>
      </Card>
    </div>
  );
}
