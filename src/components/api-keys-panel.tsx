"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Loading } from "~/components/ui/card";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { errorMessage, fieldErrors } from "~/trpc/errors";

const when = (d: Date | string | null) => (d ? new Date(d).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }) : "Never");

type KeyRow = { id: string; name: string; prefix: string; mode: "LIVE" | "TEST"; lastUsedAt: Date | string | null; revokedAt: Date | string | null; createdAt: Date | string };
type KeyInput = { name: string; mode: "LIVE" | "TEST" };

/** What differs between the lender's and the dealer's key pages: the words. */
export type ApiKeysCopy = { emptyBody: string; namePlaceholder: string; live: string; test: string };

/**
 * A console's API keys: create (the secret shown once), list, revoke. The lender and dealer pages pass
 * their own tRPC queries, so the same component cannot call the other organisation's procedures.
 */
export function ApiKeysPanel({ keys, create, revoke, copy }: {
  keys: { isPending: boolean; data?: KeyRow[] };
  create: { mutate(input: KeyInput, opts: { onSuccess(k: { name: string; secret: string }): void }): void; isPending: boolean; error: unknown };
  revoke: { mutate(input: { id: string }): void; isPending: boolean; variables?: { id: string }; error: unknown };
  copy: ApiKeysCopy;
}) {
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
        {revoke.error != null && <FormAlert>{errorMessage(revoke.error)}</FormAlert>}
        {keys.isPending ? (
          <Loading />
        ) : !keys.data?.length ? (
          <EmptyState title="No API keys yet" body={copy.emptyBody} />
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
          {create.error != null && !Object.keys(errors).length && <FormAlert>{errorMessage(create.error)}</FormAlert>}
          <Field label="Name" name="name" placeholder={copy.namePlaceholder} error={errors.name} required maxLength={60} />
          <SelectField label="Mode" name="mode" defaultValue="LIVE">
            <option value="LIVE">{copy.live}</option>
            <option value="TEST">{copy.test}</option>
          </SelectField>
          <Button type="submit" pending={create.isPending} className="w-full">Create key</Button>
        </form>
      </Card>
    </div>
  );
}
