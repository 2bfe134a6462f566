"use client";

import Link from "next/link";
import { useState } from "react";
import { SelectField } from "~/components/ui/field";
import { creditShareText } from "~/modules/consent/texts";
import { CREDIT_TIERS, tierLabel } from "~/modules/lending/credit-tiers";
import type { CreditTier } from "~/generated/prisma/enums";

export type CreditShareOptions = { hasProfile: boolean; creditTier: CreditTier | null; lenders: { id: string; name: string }[] };

/**
 * "Share my credit profile": asks for the band first when none is on file (lenders cannot decide without
 * one), lets the buyer pick every lender or only some, and shows the exact words that will be stored with
 * the grant — the same creditShareText the server records.
 */
export function CreditShareField({ options, errors }: { options: CreditShareOptions; errors: Record<string, string> }) {
  const [share, setShare] = useState(false);
  const [scope, setScope] = useState<"ALL" | "SOME">("ALL");
  const [picked, setPicked] = useState<string[]>([]);
  const names = options.lenders.filter((l) => picked.includes(l.id)).map((l) => l.name);
  const text = creditShareText(scope === "ALL" ? "ALL" : names.length ? names : ["(pick at least one)"]);

  return (
    <div className="space-y-3 text-sm">
      <label className="flex items-start gap-3">
        <input type="checkbox" name="shareCredit" checked={share} onChange={(e) => setShare(e.target.checked)} className="mt-0.5 size-4 shrink-0 rounded border-slate-300" />
        <span className="font-medium text-slate-800">Share my credit profile with lenders for pre-approvals</span>
      </label>
      {errors.shareCredit && <p className="text-red-700" role="alert">{errors.shareCredit}</p>}
      {share && (
        <div className="space-y-3 border-l-2 border-slate-200 pl-4">
          {options.creditTier ? (
            <p className="text-slate-700" data-testid="band-on-file">Your credit band on file: {tierLabel(options.creditTier)}.</p>
          ) : options.hasProfile ? (
            <SelectField label="Your credit score band" name="creditBand" defaultValue="" error={errors.creditBand}>
              <option value="" disabled>Choose your band…</option>
              {CREDIT_TIERS.map((t) => <option key={t.tier} value={t.tier}>{t.label}</option>)}
            </SelectField>
          ) : null}
          {!options.creditTier && (
            <p className="text-slate-600">
              Lenders need your credit band to decide. {options.hasProfile ? "Choose it above, or " : "Save your details, then "}
              <Link className="underline" href="/customer/profile">check it with a soft pull on your profile</Link>.
            </p>
          )}
          <fieldset>
            <legend className="font-medium text-slate-800">Which lenders may see it?</legend>
            <label className="mt-1 flex items-center gap-2">
              <input type="radio" name="lenderScope" value="ALL" checked={scope === "ALL"} onChange={() => setScope("ALL")} className="size-4" />
              Every lender on Keyturn ({options.lenders.length})
            </label>
            <label className="mt-1 flex items-center gap-2">
              <input type="radio" name="lenderScope" value="SOME" checked={scope === "SOME"} onChange={() => setScope("SOME")} className="size-4" />
              Only the lenders I pick
            </label>
          </fieldset>
          {scope === "SOME" && (
            <fieldset aria-describedby={errors.shareWithLenderIds ? "lenders-err" : undefined}>
              <legend className="sr-only">Lenders</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {options.lenders.map((l) => (
                  <label key={l.id} className="flex items-center gap-2">
                    <input
                      type="checkbox" name="shareWithLenderIds" value={l.id} checked={picked.includes(l.id)} className="size-4 rounded border-slate-300"
                      onChange={(e) => setPicked((p) => (e.target.checked ? [...p, l.id] : p.filter((x) => x !== l.id)))}
                    />
                    {l.name}
                  </label>
                ))}
              </div>
              {errors.shareWithLenderIds && <p id="lenders-err" className="mt-1 text-red-700">{errors.shareWithLenderIds}</p>}
            </fieldset>
          )}
          <p className="text-slate-600" data-testid="credit-share-text">{text}</p>
        </div>
      )}
    </div>
  );
}
