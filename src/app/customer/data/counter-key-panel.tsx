"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card } from "~/components/ui/card";
import { FormAlert, SelectField } from "~/components/ui/field";
import { FIELD_SHORT } from "~/modules/consent/describe";
import type { MyData } from "~/modules/consent/list-my-data";
import type { DataField } from "~/generated/prisma/enums";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { possessive } from "~/lib/format";

type Deal = MyData["deals"][number];
const FIELDS: DataField[] = ["CONTACT", "ADDRESS", "INCOME", "CREDIT"];
const DESK_LABEL: Record<DataField, string> = {
  CONTACT: "Your name, email and phone",
  ADDRESS: "Your home address",
  INCOME: "Your employer, income and housing cost",
  CREDIT: "Your credit score",
};
const fmtTime = (d: Date | string) => new Date(d).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });

/** Under an accepted deal: make a short-lived key for the dealer's desk, show it once, list and cancel keys. */
export function CounterKeyPanel({ deal }: { deal: Deal }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.consent.myData.queryKey() });
  const create = useMutation(trpc.consent.createCounterKey.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.consent.revoke.mutationOptions({ onSuccess: refresh }));
  const errors = fieldErrors(create.error);
  const activeKeys = deal.counterKeys.filter((k) => k.status === "active");
  const pastKeys = deal.counterKeys.filter((k) => k.status !== "active").slice(0, 5);

  return (
    <Card>
      <h3 className="font-semibold text-ink">{deal.dealerName}</h3>
      <p className="text-sm text-slate-600">{deal.requestLabel.charAt(0).toUpperCase() + deal.requestLabel.slice(1)} · accepted {new Date(deal.acceptedAt).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" })}</p>

      {create.data ? (
        <NewKey path={create.data.path} code={create.data.code} expiresAt={create.data.expiresAt} dealerName={deal.dealerName} onDone={() => create.reset()} />
      ) : (
        <form
          noValidate
          className="mt-4 space-y-3"
          aria-label={`Give ${deal.dealerName} a key`}
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            create.mutate({ dealId: deal.id, fields: FIELDS.filter((x) => f.get(x) === "on"), minutes: Number(f.get("minutes")) });
          }}
        >
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">The desk may see</legend>
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {FIELDS.map((x) => (
                <label key={x} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={x} defaultChecked={x === "CONTACT" || x === "ADDRESS"} className="size-4" />
                  <span>{DESK_LABEL[x]}</span>
                </label>
              ))}
            </div>
            {errors.fields && <p className="mt-1 text-sm text-red-700">{errors.fields}</p>}
          </fieldset>
          <SelectField label="For how long" name="minutes" defaultValue="30" error={errors.minutes} className="max-w-xs">
            <option value="15">15 minutes</option>
            <option value="30">30 minutes</option>
            <option value="60">1 hour</option>
          </SelectField>
          {create.error && !Object.keys(errors).length && <FormAlert>{errorMessage(create.error)}</FormAlert>}
          <p className="text-xs text-slate-700" data-testid="counter-key-rule">
            The key opens only for {deal.dealerName}&apos;s signed-in staff, or once with a 6-digit code you read out at the desk. Anyone else who opens the link sees nothing, and you see their attempt, marked refused.
          </p>
          <Button type="submit" pending={create.isPending}>Give the dealer a key</Button>
        </form>
      )}

      {activeKeys.length > 0 && (
        <div className="mt-4">
          <p className="text-sm font-medium">Keys that still work</p>
          <ul className="mt-1 divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="counter-keys">
            {activeKeys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  {k.fields.map((f) => FIELD_SHORT[f]).join(", ")} · until {fmtTime(k.expiresAt)} · {k.uses === 0 ? "not opened yet" : `opened ${k.uses === 1 ? "once" : `${k.uses} times`}`}
                </span>
                <Button variant="secondary" className="px-3 py-1" pending={revoke.isPending && revoke.variables?.grantId === k.id} onClick={() => revoke.mutate({ grantId: k.id })}>
                  Cancel key
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {pastKeys.length > 0 && (
        <p className="mt-3 text-xs text-slate-600">
          Earlier keys: {pastKeys.map((k) => `${fmtTime(k.createdAt)} (${k.status === "revoked" ? "cancelled" : "expired"}, opened ${k.uses}×)`).join(" · ")}
        </p>
      )}
    </Card>
  );
}

function NewKey({ path, code, expiresAt, dealerName, onDone }: { path: string; code: string; expiresAt: Date; dealerName: string; onDone: () => void }) {
  const [url, setUrl] = useState("");
  const [svg, setSvg] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const full = `${window.location.origin}${path}`;
    setUrl(full);
    void QRCode.toString(full, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then(setSvg);
  }, [path]);
  return (
    <div className="mt-4 grid gap-4 rounded-lg border border-brand-100 bg-brand-50 p-4 sm:grid-cols-[160px_1fr]" data-testid="new-counter-key">
      <div className="mx-auto size-40 rounded bg-white p-1" role="img" aria-label={`QR code for the key to show ${possessive(dealerName)} desk`} dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="min-w-0 space-y-2 text-sm">
        <p className="font-semibold">Show this QR code at the desk, or send them the link.</p>
        <p>
          It opens only for {dealerName}&apos;s signed-in staff, or once with this code, which you read out at the desk:{" "}
          <strong className="font-mono text-base tracking-widest" data-testid="counter-key-code">{code.slice(0, 3)} {code.slice(3)}</strong>
        </p>
        <p>It works until <strong>{fmtTime(expiresAt)}</strong>, then stops by itself. You can cancel it sooner below.</p>
        <label className="block">
          <span className="sr-only">Key link</span>
          <input readOnly value={url} className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" data-testid="counter-key-url" onFocus={(e) => e.currentTarget.select()} />
        </label>
        <p className="text-xs text-slate-700">We show the link and the code only now and keep no copy of them. Anyone else who opens the link (signed out without the code, another dealer, another buyer) sees nothing of yours, and you will see that attempt, marked refused, in &quot;Who saw my data&quot;.</p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>{copied ? "Copied" : "Copy link"}</Button>
          <Button type="button" variant="ghost" onClick={onDone}>Done</Button>
        </div>
        {copied && <Badge tone="green">Link copied</Badge>}
      </div>
    </div>
  );
}
