"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Loading } from "~/components/ui/card";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { AttemptsLine, SigningSecret } from "~/components/delivery/signing-secret";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";

const tone = { PENDING: "amber", DELIVERED: "green", DEAD: "red" } as const;
const statusLabel = { PENDING: "Retrying", DELIVERED: "Delivered", DEAD: "Dead-lettered" } as const;

export function WebhooksPanel() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const settings = useQuery(trpc.lending.webhook.queryOptions());
  const [filter, setFilter] = useState<"" | "PENDING" | "DELIVERED" | "DEAD">("");
  const deliveries = useQuery({ ...trpc.lending.deliveries.queryOptions({ status: filter || undefined }), refetchInterval: 10_000 });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.lending.webhook.queryKey() });
  const save = useMutation(trpc.lending.saveWebhook.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(trpc.lending.rotateWebhookSecret.mutationOptions({ onSuccess: refresh }));
  const redrive = useMutation(trpc.lending.redrive.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.lending.deliveries.queryKey() }) }));
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const errors = fieldErrors(save.error);

  if (settings.isPending) return <Loading />;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">Endpoint</h2>
          <form
            noValidate
            className="mt-4 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const url = String(new FormData(e.currentTarget).get("url") ?? "").trim();
              save.mutate({ url: url || null }, { onSuccess: (r) => r.secret && setSecret(r.secret) });
            }}
          >
            {save.isSuccess && !save.data.secret && <FormAlert tone="success">Endpoint saved.</FormAlert>}
            {save.error && !errors.url && <FormAlert>{errorMessage(save.error)}</FormAlert>}
            <Field
              label="Endpoint URL"
              name="url"
              type="url"
              inputMode="url"
              placeholder="https://hooks.yourbank.com/keyturn"
              defaultValue={settings.data?.url ?? ""}
              error={errors.url}
              hint="Public https only: private, loopback and link-local addresses are refused, now and at every send. Redirects are not followed."
            />
            <Button type="submit" pending={save.isPending}>Save endpoint</Button>
          </form>
        </Card>
        <Card>
          <SigningSecret
            heading={<h2 className="text-lg font-semibold">Signing secret</h2>}
            description={<>Each request carries <code className="font-mono">Keyturn-Signature: t=…,v1=…</code>, an HMAC-SHA256 of <code className="font-mono">timestamp.body</code>. Reject timestamps older than 5 minutes.</>}
            secret={secret}
            hint={settings.data?.secretHint}
            rotatingUntil={settings.data?.rotatingUntil}
            rotate={{ isPending: rotate.isPending, error: rotate.error, onRotate: () => rotate.mutate(undefined, { onSuccess: (r) => setSecret(r.secret) }) }}
            testId="webhook-secret"
          />
        </Card>
      </div>

      <section aria-labelledby="log-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="log-heading" className="text-lg font-semibold">Delivery log</h2>
          <SelectField label="Show" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)} className="w-48">
            <option value="">All deliveries</option>
            <option value="PENDING">Retrying</option>
            <option value="DELIVERED">Delivered</option>
            <option value="DEAD">Dead-lettered</option>
          </SelectField>
        </div>
        {redrive.error && <FormAlert>{errorMessage(redrive.error)}</FormAlert>}
        {deliveries.isPending ? (
          <Loading />
        ) : !deliveries.data?.length ? (
          <EmptyState title="No deliveries yet" body="Events appear here as soon as they are sent to your endpoint." />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="delivery-log">
            {deliveries.data.map((d) => (
              <li key={d.id} className="px-4 py-3">
                <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      <code className="font-mono text-sm">{d.eventType}</code>
                      <Badge tone={tone[d.status]}>{statusLabel[d.status]}</Badge>
                    </p>
                    <AttemptsLine d={d} retrying={d.status === "PENDING"} extra={d.lastDurationMs !== null ? ` · ${d.lastDurationMs} ms` : undefined} />
                    {d.lastError && <p className="text-sm text-red-700">{d.lastError}</p>}
                  </div>
                  <div className="flex gap-2">
                    <Button variant="ghost" aria-expanded={open === d.id} onClick={() => setOpen(open === d.id ? null : d.id)}>
                      {open === d.id ? "Hide payload" : "Payload"}
                    </Button>
                    {d.status === "DEAD" && (
                      <Button variant="secondary" pending={redrive.isPending && redrive.variables?.id === d.id} onClick={() => redrive.mutate({ id: d.id })}>
                        Redrive
                      </Button>
                    )}
                  </div>
                </div>
                {open === d.id && (
                  <pre tabIndex={0} className="mt-2 max-h-72 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">{JSON.stringify(d.payload, null, 2)}</pre>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
