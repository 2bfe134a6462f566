"use client";

import { Field } from "~/components/ui/field";
import { centsToDollars } from "~/lib/format";
import { MAX_MIN_VALID_DAYS, type BuyerTerms } from "~/modules/requests/buyer-terms";

function Check({ name, label, hint, defaultChecked }: { name: keyof BuyerTerms; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-800">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-0.5 size-4 shrink-0 rounded border-slate-300" />
      <span>
        <span className="font-medium">{label}</span>
        <span className="block text-xs text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

/**
 * The buyer's own terms on a request. Each hint says what the code does with it: quotes that break a
 * term are refused (on the form, the API and the automatic quote), and editing them asks dealers to
 * re-confirm, like any other edit.
 */
export function BuyerTermsFields({ initial, errors }: { initial: Partial<BuyerTerms>; errors: Record<string, string> }) {
  return (
    <>
      <h2 className="text-lg font-semibold">Your terms <span className="text-sm font-normal text-slate-600">(optional)</span></h2>
      <p className="mt-1 text-sm text-slate-600">Dealers see these on your request, and Keyturn refuses any quote that breaks them. If you change them later, quotes already sent must be re-confirmed against the new terms before you can accept them.</p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <Check name="noAddOns" label="No add-ons" hint="No quote may include add-ons such as tint, coatings or protection packages." defaultChecked={initial.noAddOns ?? false} />
        <Check name="inStockOnly" label="In-stock cars only" hint="No quote for a car that is in transit or still to be ordered." defaultChecked={initial.inStockOnly ?? false} />
        <Field
          label="Dealer fees at most ($)" name="maxFeesCents" inputMode="decimal" placeholder="No limit"
          defaultValue={centsToDollars(initial.maxFeesCents ?? undefined)} error={errors.maxFeesCents}
          hint="Doc fee, registration and other dealer fees together. Dealers who say they always charge more are not sent your request."
        />
        <Field
          label="Quote valid for at least (days)" name="minValidDays" inputMode="numeric" placeholder="Any"
          defaultValue={initial.minValidDays ?? ""} error={errors.minValidDays}
          hint={`Time to compare before a price expires. 1 to ${MAX_MIN_VALID_DAYS} days.`}
        />
        <div className="sm:col-span-2">
          <Check
            name="threadOnly" label="Contact me only through the Keyturn thread"
            hint="Even after you accept a quote, the dealer does not get your name, email or phone; you talk in the thread."
            defaultChecked={initial.threadOnly ?? false}
          />
        </div>
      </div>
    </>
  );
}
