"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, Loading } from "~/components/ui/card";
import { Field, FormAlert } from "~/components/ui/field";
import { useFocusFirstError } from "~/components/ui/use-focus-first-error";
import { intOrUndefined } from "~/lib/format";
import { checkGarageVin } from "~/modules/garage/garage-rules";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";

type Car = { id: string; vin: string; year: number; make: string; model: string; trim: string | null; mileage: number | null; source: "BOUGHT_HERE" | "ADDED_BY_HAND" };

export function GarageView() {
  const trpc = useTRPC();
  const cars = useQuery(trpc.garage.list.queryOptions());
  if (cars.isPending) return <Loading label="Loading your garage" />;
  if (cars.error) return <FormAlert>{errorMessage(cars.error)}</FormAlert>;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_380px]">
      <section aria-labelledby="cars-h" className="space-y-3">
        <h2 id="cars-h" className="text-lg font-semibold">Your cars</h2>
        {cars.data.length === 0 ? (
          <EmptyState title="Your garage is empty" body="Add a car you own with its VIN. A car delivered to you through Keyturn appears here by itself." />
        ) : (
          <ul className="space-y-3" aria-label="Your cars">
            {cars.data.map((c) => <CarCard key={c.id} car={c} />)}
          </ul>
        )}
        {cars.data.length > 0 && (
          <ButtonLink href="/customer/requests/new" variant="secondary">Post a request and trade one in</ButtonLink>
        )}
      </section>
      <AddCarForm />
    </div>
  );
}

function CarCard({ car }: { car: Car }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.garage.list.queryKey() });
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [mileageError, setMileageError] = useState<string | null>(null);
  const update = useMutation(trpc.garage.updateMileage.mutationOptions({ onSuccess: async () => { setEditing(false); await refresh(); } }));
  const remove = useMutation(trpc.garage.remove.mutationOptions({ onSuccess: refresh }));
  const name = `${car.year} ${car.make} ${car.model}${car.trim ? ` ${car.trim}` : ""}`;
  const serverMileage = fieldErrors(update.error).mileage ?? (update.error ? errorMessage(update.error) : undefined);
  return (
    <li>
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 className="font-semibold">{name}</h3>
            <p className="mt-1 break-all font-mono text-xs text-slate-600">VIN {car.vin}</p>
            <p className="mt-1 text-sm text-slate-700">{car.mileage != null ? `${car.mileage.toLocaleString("en-US")} miles` : "Mileage not given"}</p>
          </div>
          <Badge tone={car.source === "BOUGHT_HERE" ? "green" : "gray"}>{car.source === "BOUGHT_HERE" ? "Bought through Keyturn" : "Added by you"}</Badge>
        </div>
        {editing ? (
          <form
            noValidate
            className="mt-4 flex flex-wrap items-end gap-3"
            aria-label={`Mileage of your ${name}`}
            onSubmit={(e) => {
              e.preventDefault();
              const m = intOrUndefined(new FormData(e.currentTarget).get("mileage"));
              if (m == null || m < 0) return setMileageError("Enter the mileage as a whole number of miles.");
              setMileageError(null);
              update.mutate({ id: car.id, mileage: m });
            }}
          >
            <Field className="w-40" label="Mileage" name="mileage" inputMode="numeric" defaultValue={car.mileage ?? ""} error={mileageError ?? serverMileage} />
            <Button type="submit" pending={update.isPending}>Save mileage</Button>
            <Button type="button" variant="ghost" onClick={() => { setEditing(false); setMileageError(null); update.reset(); }}>Cancel</Button>
          </form>
        ) : confirming ? (
          <div className="mt-4 flex flex-wrap items-center gap-3" role="group" aria-label={`Remove your ${name}`}>
            <p className="text-sm text-slate-800">Remove this car from your garage? Dealers could then be offered it for your requests again.</p>
            <Button type="button" variant="danger" pending={remove.isPending} onClick={() => remove.mutate({ id: car.id })}>Remove</Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>Keep it</Button>
          </div>
        ) : (
          <div className="mt-4 flex flex-wrap gap-3">
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>Edit mileage</Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(true)}>Remove…</Button>
          </div>
        )}
        {remove.error && <div className="mt-3"><FormAlert>{errorMessage(remove.error)}</FormAlert></div>}
      </Card>
    </li>
  );
}

function AddCarForm() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(trpc.garage.add.mutationOptions());
  const errors = { ...fieldErrors(add.error), ...clientErrors };
  const formRef = useFocusFirstError(errors);
  return (
    <Card>
      <form
        ref={formRef}
        noValidate
        aria-labelledby="add-h"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const f = new FormData(form);
          const text = (k: string) => String(f.get(k) ?? "").trim();
          const vin = text("vin").toUpperCase();
          const year = intOrUndefined(f.get("year"));
          const mileage = intOrUndefined(f.get("mileage"));
          const problems: Record<string, string> = {};
          if (year == null) problems.year = "Enter the model year, e.g. 2021.";
          if (!text("model")) problems.model = "Enter the model.";
          // The same rules the server runs, so the messages appear before a round trip.
          const check = year != null ? checkGarageVin(vin, year, text("make") || undefined) : null;
          if (check && !check.ok) Object.assign(problems, check.fields);
          setClientErrors(problems);
          setAdded(null);
          if (Object.keys(problems).length || year == null) return;
          add.mutate(
            { vin, year, make: text("make") || undefined, model: text("model"), trim: text("trim") || undefined, mileage },
            {
              onSuccess: async (car) => {
                form.reset();
                setAdded(`${car.year} ${car.make} ${car.model} is in your garage.`);
                await qc.invalidateQueries({ queryKey: trpc.garage.list.queryKey() });
              },
            },
          );
        }}
      >
        <div>
          <h2 id="add-h" className="text-lg font-semibold">Add a car you own</h2>
          <p className="mt-1 text-sm text-slate-600">We check the VIN&apos;s check digit and that its model year matches. Leave the make empty to take it from the VIN.</p>
        </div>
        <Field label="VIN" name="vin" autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={17} error={errors.vin} hint="17 characters, on the windshield or the registration" />
        <div className="grid grid-cols-2 gap-3">
          <Field label="Year" name="year" inputMode="numeric" maxLength={4} error={errors.year} />
          <Field label="Make (optional)" name="make" error={errors.make} />
          <Field label="Model" name="model" error={errors.model} />
          <Field label="Trim (optional)" name="trim" error={errors.trim} />
          <Field className="col-span-2" label="Mileage (optional)" name="mileage" inputMode="numeric" error={errors.mileage} />
        </div>
        {add.error && !Object.keys(fieldErrors(add.error)).length && <FormAlert>{errorMessage(add.error)}</FormAlert>}
        {added && <FormAlert tone="success">{added}</FormAlert>}
        <Button type="submit" pending={add.isPending} className="w-full">Add to my garage</Button>
      </form>
    </Card>
  );
}
