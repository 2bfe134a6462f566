"use client";

import { SelectField } from "~/components/ui/field";
import { RETURNING_BUYER_TEXT } from "~/modules/consent/texts";

export type GarageCar = { id: string; year: number; make: string; model: string; trim: string | null; mileage: number | null };

/**
 * "Trade in a car from my garage": choosing a car writes its year, make, model and mileage into the
 * trade-in fields of the same form. The fields stay editable, and only what they hold is posted.
 */
export function GarageTradeInPicker({ cars }: { cars: GarageCar[] }) {
  if (cars.length === 0) return null;
  function fill(e: React.ChangeEvent<HTMLSelectElement>) {
    const car = cars.find((c) => c.id === e.target.value);
    const form = e.target.form;
    if (!car || !form) return;
    const set = (name: string, v: string) => {
      const el = form.elements.namedItem(name);
      if (el instanceof HTMLInputElement) el.value = v;
    };
    set("tradeInYear", String(car.year));
    set("tradeInMake", car.make);
    set("tradeInModel", car.model);
    set("tradeInMileage", car.mileage == null ? "" : String(car.mileage));
  }
  return (
    <SelectField className="mt-4 sm:max-w-md" label="Trade in a car from my garage" name="garageTradeIn" defaultValue="" onChange={fill}>
      <option value="">Choose a car to fill in the fields below</option>
      {cars.map((c) => (
        <option key={c.id} value={c.id}>{`${c.year} ${c.make} ${c.model}${c.trim ? ` ${c.trim}` : ""}${c.mileage != null ? ` · ${c.mileage.toLocaleString("en-US")} mi` : ""}`}</option>
      ))}
    </SelectField>
  );
}

/** The request-level opt-in; off unless ticked. Its words are the consent text stored with the request. */
export function ReturningBuyerField() {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-800">
      <input type="checkbox" name="tellReturningBuyer" className="mt-0.5 size-4 shrink-0 rounded border-slate-300" />
      <span>
        <span className="font-medium">Tell dealers I&apos;ve bought through Keyturn before</span>
        <span className="mt-1 block text-slate-600">{RETURNING_BUYER_TEXT.text}</span>
      </span>
    </label>
  );
}
