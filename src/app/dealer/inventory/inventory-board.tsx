"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ButtonLink } from "~/components/ui/button";
import { EmptyState, Loading } from "~/components/ui/card";
import { Field, SelectField } from "~/components/ui/field";
import { BODY_TYPES, bodyTypeLabel } from "~/modules/requests/labels";
import { VEHICLE_CONDITIONS, vehicleConditionLabel } from "~/modules/quotes/labels";
import { useTRPC } from "~/trpc/react";
import { UnitCard, UnitTable } from "./unit-views";

const SORTS = { newest: "Recently changed", price_asc: "Price: low to high", price_desc: "Price: high to low", year_desc: "Year: newest", year_asc: "Year: oldest", mileage_asc: "Mileage: lowest", mileage_desc: "Mileage: highest" } as const;
type Sort = keyof typeof SORTS;
type Status = "" | "AVAILABLE" | "PENDING" | "SOLD";
type Body = "" | (typeof BODY_TYPES)[number];
type Cond = "" | (typeof VEHICLE_CONDITIONS)[number];

export function InventoryBoard() {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<Status>("");
  const [condition, setCondition] = useState<Cond>("");
  const [bodyType, setBodyType] = useState<Body>("");
  const [sort, setSort] = useState<Sort>("newest");
  const input = { sort, ...(search.trim() ? { search: search.trim() } : {}), ...(status ? { status } : {}), ...(condition ? { condition } : {}), ...(bodyType ? { bodyType } : {}) };
  const units = useInfiniteQuery(trpc.inventory.list.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor ?? undefined, placeholderData: (prev) => prev }));
  const items = units.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(input.search || status || condition || bodyType);

  if (units.isPending) return <Loading label="Loading inventory…" />;
  if (units.isError) return <p role="alert" className="text-sm text-red-700">We could not load your inventory. Please reload.</p>;
  if (items.length === 0 && !filtered)
    return (
      <EmptyState
        title="No vehicles in stock yet"
        body="Export your inventory from your DMS or inventory tool as a CSV and import it. You will see every row checked (VIN, year, price) before anything is saved."
        action={<ButtonLink href="/dealer/inventory/import">Import your inventory</ButtonLink>}
      />
    );

  return (
    <div>
      <form role="search" className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
        <Field label="Search" type="search" placeholder="Make, model, VIN or stock #" value={search} onChange={(e) => setSearch(e.target.value)} className="lg:col-span-1" />
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          <option value="">Any status</option>
          <option value="AVAILABLE">Available</option>
          <option value="PENDING">Pending</option>
          <option value="SOLD">Sold</option>
        </SelectField>
        <SelectField label="Condition" value={condition} onChange={(e) => setCondition(e.target.value as Cond)}>
          <option value="">Any condition</option>
          {VEHICLE_CONDITIONS.map((c) => <option key={c} value={c}>{vehicleConditionLabel[c]}</option>)}
        </SelectField>
        <SelectField label="Body type" value={bodyType} onChange={(e) => setBodyType(e.target.value as Body)}>
          <option value="">All body types</option>
          {BODY_TYPES.map((b) => <option key={b} value={b}>{bodyTypeLabel[b]}</option>)}
        </SelectField>
        <SelectField label="Sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          {Object.entries(SORTS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </SelectField>
      </form>
      {items.length === 0 ? (
        <EmptyState title="No vehicles match" body="Try another search or clear a filter." />
      ) : (
        <>
          {/* A table where there is room for its columns; one card per vehicle on a phone. */}
          <div className="hidden md:block"><UnitTable units={items} /></div>
          <ul className="space-y-3 md:hidden">{items.map((u) => <li key={u.id}><UnitCard unit={u} /></li>)}</ul>
        </>
      )}
      {units.hasNextPage && (
        <div className="mt-4 text-center">
          <Button variant="secondary" pending={units.isFetchingNextPage} onClick={() => void units.fetchNextPage()}>Show more</Button>
        </div>
      )}
    </div>
  );
}
