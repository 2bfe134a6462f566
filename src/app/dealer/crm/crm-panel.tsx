"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Loading } from "~/components/ui/card";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { AttemptsLine, SigningSecret } from "~/components/delivery/signing-secret";
import { RelayReplies } from "./relay-replies";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";

const tone = { QUEUED: "amber", SENT: "green", FAILED: "red", BOUNCED: "red" } as const;
const statusLabel = { QUEUED: "Queued", SENT: "Sent", FAILED: "Failed", BOUNCED: "Bounced" } as const;
type Status = keyof typeof statusLabel;

export function CrmPanel({ retries }: { retries: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const settings = useQuery(trpc.crm.settings.queryOptions());
  const [filter, setFilter] = useState<"" | Status>("");
  const deliveries = useQuery({ ...trpc.crm.deliveries.queryOptions({ status: filter || undefined }), refetchInterval: 10_000 });
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.crm.settings.queryKey() });
  const add = useMutation(trpc.crm.addAddress.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.crm.removeAddress.mutationOptions({ onSuccess: refresh }));
  const save = useMutation(trpc.crm.saveEndpoint.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(trpc.crm.rotateSecret.mutationOptions({ onSuccess: refresh }));
  const redrive = useMutation(trpc.crm.redrive.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.crm.deliveries.queryKey() }) }));
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const doc = useQuery({ ...trpc.crm.delivery.queryOptions({ id: open ?? "" }), enabled: !!open });
  const addErrors = fieldErrors(add.error);
  const saveErrors = fieldErrors(save.error);

  if (settings.isPending) return <Loading />;
  const s = settings.data;
  const full = !!s && s.addresses.length >= s.maxAddresses;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">CRM lead addresses</h2>
          <p className="mt-1 text-sm text-slate-600">Every address here gets each new lead as one plain-text email whose body is only the ADF/XML. Up to {s?.maxAddresses} addresses.</p>
          {s && s.addresses.length > 0 ? (
            <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="crm-addresses">
              {s.addresses.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 px-3 py-2">
                  <span className="min-w-0 break-all font-mono text-sm">{a.address}</span>
                  <Button variant="ghost" className="shrink-0" aria-label={`Remove ${a.address}`} pending={remove.isPending && remove.variables?.id === a.id} onClick={() => remove.mutate({ id: a.id })}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-slate-600">No addresses yet: leads are not emailed to a CRM.</p>
          )}
          {remove.error && <FormAlert>{errorMessage(remove.error)}</FormAlert>}
          <form
            noValidate
            className="mt-4 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              const email = String(new FormData(form).get("email") ?? "").trim();
              add.mutate({ email }, { onSuccess: () => form.reset() });
            }}
          >
            {add.isSuccess && <FormAlert tone="success">Address added: new leads go to it from now on.</FormAlert>}
            {add.error && !addErrors.email && <FormAlert>{errorMessage(add.error)}</FormAlert>}
            <Field label="Add an address" name="email" type="email" inputMode="email" autoComplete="off" placeholder="leads@yourstore.com" error={addErrors.email} disabled={full} />
            <Button type="submit" pending={add.isPending} disabled={full}>Add address</Button>
          </form>
        </Card>

        <Card>
          <h2 className="text-lg font-semibold">HTTP endpoint (optional)</h2>
          <form
            noValidate
            className="mt-3 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const url = String(new FormData(e.currentTarget).get("url") ?? "").trim();
              save.mutate({ url: url || null }, { onSuccess: (r) => r.secret && setSecret(r.secret) });
            }}
          >
            {save.isSuccess && !save.data.secret && <FormAlert tone="success">{save.data.url ? "Endpoint saved." : "Endpoint removed."}</FormAlert>}
            {save.error && !saveErrors.url && <FormAlert>{errorMessage(save.error)}</FormAlert>}
            <Field
              label="Endpoint URL"
              name="url"
              type="url"
              inputMode="url"
              placeholder="https://crm.yourstore.com/adf"
              defaultValue={s?.endpoint ?? ""}
              error={saveErrors.url}
              hint="We POST each lead as application/xml. Public https only: private, loopback and link-local addresses are refused, now and at every send. Redirects are not followed. Leave empty and save to stop posting."
            />
            <Button type="submit" pending={save.isPending}>Save endpoint</Button>
          </form>
          <SigningSecret
            heading={<h3 className="mt-6 font-semibold">Signing secret</h3>}
            description={<>Each POST carries <code className="font-mono">Keyturn-Signature: t=…,v1=…</code> (HMAC-SHA256 of <code className="font-mono">timestamp.body</code>) and{" "}<code className="font-mono">Keyturn-Delivery-Id</code>, the same on every retry of one lead: keep the first and ignore repeats.</>}
            secret={secret}
            hint={s?.secretHint}
            rotatingUntil={s?.rotatingUntil}
            rotate={{ isPending: rotate.isPending, error: rotate.error, onRotate: () => rotate.mutate(undefined, { onSuccess: (r) => setSecret(r.secret) }) }}
            testId="crm-secret"
          />
        </Card>
      </div>

      <section aria-labelledby="crm-log-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="crm-log-heading" className="text-lg font-semibold">Delivery log</h2>
            <p className="text-sm text-slate-600">{retries} Bounced means the mail server refused the address for good: fix or remove it.</p>
          </div>
          <SelectField label="Show" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)} className="w-48">
            <option value="">All deliveries</option>
            <option value="QUEUED">Queued</option>
            <option value="SENT">Sent</option>
            <option value="FAILED">Failed</option>
            <option value="BOUNCED">Bounced</option>
          </SelectField>
        </div>
        {redrive.error && <FormAlert>{errorMessage(redrive.error)}</FormAlert>}
        {deliveries.isPending ? (
          <Loading />
        ) : !deliveries.data?.length ? (
          <EmptyState title="No deliveries yet" body="Leads appear here as they are sent to your CRM addresses and endpoint." />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="crm-delivery-log">
            {deliveries.data.map((d) => (
              <li key={d.id} className="px-4 py-3">
                <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-medium">
                      <span>{d.lead.buyerAlias}</span>
                      <Badge tone={tone[d.status]}>{statusLabel[d.status]}</Badge>
                      <Badge>{d.kind === "FIRST" ? "New lead" : "Resend after acceptance"}</Badge>
                    </p>
                    <p className="break-all text-sm text-slate-600">
                      {d.channel === "EMAIL" ? "Email to" : "POST to"} {d.target}
                    </p>
                    <AttemptsLine d={d} retrying={d.status === "QUEUED"} />
                    {d.lastError && <p className="break-words text-sm text-red-700">{d.lastError}</p>}
                  </div>
                  <div className="flex gap-2">
                    {d.kind === "FIRST" && (
                      <Button variant="ghost" aria-expanded={open === d.id} onClick={() => setOpen(open === d.id ? null : d.id)}>
                        {open === d.id ? "Hide XML" : "XML"}
                      </Button>
                    )}
                    {d.status === "FAILED" && (
                      <Button variant="secondary" pending={redrive.isPending && redrive.variables?.id === d.id} onClick={() => redrive.mutate({ id: d.id })}>
                        Redrive
                      </Button>
                    )}
                  </div>
                </div>
                {open === d.id && (
                  <pre tabIndex={0} aria-label={`ADF/XML for ${d.lead.buyerAlias}`} className="mt-2 max-h-72 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">
                    {doc.isPending ? "Loading…" : (doc.data?.document ?? errorMessage(doc.error))}
                  </pre>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <RelayReplies />
    </div>
  );
}
