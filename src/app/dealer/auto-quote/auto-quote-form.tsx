"use client";

// This form validates with the server's schema: the human error map comes with it (only where zod ships).
import "~/lib/zod";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Card, Loading, Stat } from "~/components/ui/card";
import { Field, FormAlert } from "~/components/ui/field";
import { describeWanted } from "~/components/requests/describe";
import { intOrUndefined, issuesToFields, timeAgo } from "~/lib/format";
import { autoQuoteSettingsInput } from "~/modules/dealers/schemas";
import { autoQuoteSkipText, type AutoQuoteSkip } from "~/modules/quotes/auto-quote-labels";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";

/** "2.5" → 250 basis points; anything with more than two decimals is refused rather than rounded. */
function percentToBps(raw: FormDataEntryValue | null): number | undefined {
  const s = String(raw ?? "").trim().replace(/%$/, "");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return s === "" ? undefined : Number.NaN;
  const [whole, frac = ""] = s.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}
const bpsToPercent = (bps: number) => (bps / 100).toString();

export function AutoQuoteForm({ isOwner }: { isOwner: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const settings = useQuery(trpc.dealer.autoQuote.queryOptions());
  const save = useMutation(trpc.dealer.updateAutoQuote.mutationOptions({ onSuccess: (d) => qc.setQueryData(trpc.dealer.autoQuote.queryKey(), d) }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const errors = { ...fieldErrors(save.error), ...clientErrors };
  const formRef = useFocusFirstError(errors);
  if (settings.isPending) return <Loading label="Loading automatic quotes…" />;
  if (settings.isError) return <FormAlert>{errorMessage(settings.error)}</FormAlert>;
  const s = settings.data;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_360px]">
      <form
        ref={formRef}
        noValidate
        aria-label="Automatic quotes"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          const f = new FormData(e.currentTarget);
          const discountBps = percentToBps(f.get("discount"));
          const parsed = autoQuoteSettingsInput.safeParse({ enabled: f.get("enabled") === "on", discountBps, dailyCap: intOrUndefined(f.get("dailyCap")) });
          if (!parsed.success) {
            const problems = issuesToFields(parsed.error.issues);
            // The form's field is a percentage; the schema's is basis points.
            if (problems.discountBps) problems.discount = Number.isNaN(discountBps) ? "Enter a percentage with at most two decimals, like 2.5." : problems.discountBps;
            return setClientErrors(problems);
          }
          setClientErrors({});
          save.mutate(parsed.data, { onSuccess: () => setSaved(true) });
        }}
      >
        {!isOwner && <FormAlert tone="info">Only an owner of the dealership can change automatic quotes.</FormAlert>}
        {!s.verified && <FormAlert tone="info">Your dealership is not verified yet: the rule sends nothing until Keyturn has verified it.</FormAlert>}
        {saved && <FormAlert tone="success">Saved. It applies to leads that arrive from now on.</FormAlert>}
        {save.error && !Object.keys(fieldErrors(save.error)).length && <FormAlert>{errorMessage(save.error)}</FormAlert>}
        <fieldset disabled={!isOwner} className="space-y-4">
          <Card>
            <h2 className="text-lg font-semibold">The rule</h2>
            <p className="mt-1 text-sm text-slate-700">
              When a new lead arrives and an available unit in your stock fits the request, Keyturn sends a quote for the unit that fits best, at its list
              price minus your discount, with your quote defaults for fees, add-ons, tax and validity. Lenders are asked to pre-approve it at once. The buyer
              and your team see that it was sent automatically, and you can revise or withdraw it like any quote.
            </p>
            <label className="mt-4 flex items-center gap-3 text-sm font-medium text-ink">
              <input type="checkbox" name="enabled" defaultChecked={s.enabled} className="size-5 rounded border-slate-300" data-testid="auto-enabled" />
              Send automatic quotes
            </label>
            <div className="mt-4 grid gap-4 sm:grid-cols-2">
              <Field
                label="Discount off list price (%)"
                name="discount"
                inputMode="decimal"
                defaultValue={bpsToPercent(s.discountBps)}
                error={errors.discount}
                hint="From 0 to 20, up to two decimals."
              />
              <Field label="Automatic quotes per day" name="dailyCap" inputMode="numeric" defaultValue={s.dailyCap} error={errors.dailyCap} hint="Counted per UTC day; leads beyond it are left for you." />
            </div>
          </Card>
          <div className="flex justify-end">
            <Button type="submit" pending={save.isPending}>Save</Button>
          </div>
        </fieldset>
      </form>

      <aside className="space-y-4">
        <Stat label="Sent automatically today (UTC)" value={<span data-testid="sent-today">{s.sentToday} of {s.dailyCap}</span>} />
        <Card>
          <h2 className="text-sm font-semibold">Recent leads it skipped</h2>
          {s.skipped.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">None yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="skipped">
              {s.skipped.map((l) => (
                <li key={l.id} className="py-2">
                  <Link href={`/dealer/leads/${l.id}`} className="font-medium text-brand-700 hover:underline">{describeWanted(l.request)}</Link>
                  <p className="text-slate-600">{l.buyerAlias} · {timeAgo(l.createdAt)}</p>
                  <p className="text-slate-800">{autoQuoteSkipText[l.autoQuoteSkip as AutoQuoteSkip] ?? l.autoQuoteSkip}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </aside>
    </div>
  );
}
