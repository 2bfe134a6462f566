"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Badge, Card, EmptyState, Loading } from "~/components/ui/card";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";

/** Lists an organisation's people; owners can add a colleague with a temporary password. */
export function TeamPanel({ isOwner }: { isOwner: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const staff = useQuery(trpc.auth.staff.queryOptions());
  const add = useMutation(trpc.auth.addStaff.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.auth.staff.queryKey() }) }));
  const [done, setDone] = useState<string | null>(null);
  const errors = fieldErrors(add.error);

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_380px]">
      {/* min-w-0: a grid item is as wide as its content by default, and a long name would widen the page. */}
      <section aria-labelledby="people" className="min-w-0">
        <h2 id="people" className="mb-3 text-lg font-semibold">People</h2>
        {staff.isPending ? (
          <Loading />
        ) : !staff.data?.length ? (
          <EmptyState title="No one here yet" />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="staff-list">
            {staff.data.map((m) => (
              <li key={m.user.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <div className="min-w-0">
                  <p className="truncate font-medium">{m.user.name}</p>
                  <p className="truncate text-sm text-slate-600">{m.user.email}</p>
                </div>
                <Badge tone={m.role === "OWNER" ? "blue" : "gray"}>{m.role === "OWNER" ? "Owner" : "Staff"}</Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
      {isOwner && (
        <Card>
          <h2 className="text-lg font-semibold">Add a colleague</h2>
          <p className="mt-1 text-sm text-slate-600">They sign in with this email and the temporary password you set.</p>
          <form
            noValidate
            className="mt-4 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              const form = e.currentTarget;
              setDone(null);
              add.mutate(
                { name: String(f.get("name")), email: String(f.get("email")), password: String(f.get("password")), role: f.get("role") === "OWNER" ? "OWNER" : "STAFF" },
                { onSuccess: (u) => { setDone(`${u.name} can now sign in.`); form.reset(); } },
              );
            }}
          >
            {done && <FormAlert tone="success">{done}</FormAlert>}
            {add.error && !Object.keys(errors).length && <FormAlert>{errorMessage(add.error)}</FormAlert>}
            <Field label="Name" name="name" error={errors.name} />
            <Field label="Email" name="email" type="email" error={errors.email} />
            <Field label="Temporary password" name="password" type="password" autoComplete="new-password" error={errors.password} />
            <SelectField label="Role" name="role" defaultValue="STAFF">
              <option value="STAFF">Staff</option>
              <option value="OWNER">Owner</option>
            </SelectField>
            <Button type="submit" pending={add.isPending} className="w-full">Add to team</Button>
          </form>
        </Card>
      )}
    </div>
  );
}
