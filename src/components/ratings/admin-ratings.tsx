"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { Card, EmptyState, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";

function HideForm({ ratingId }: { ratingId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const hide = useMutation(trpc.ratings.hideComment.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.ratings.recent.queryKey() }) }));
  const errors = fieldErrors(hide.error);
  return (
    <form
      className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        hide.mutate({ ratingId, reason: String(new FormData(e.currentTarget).get("reason") ?? "") });
      }}
    >
      <label className="block flex-1 text-sm font-medium text-slate-800">
        Reason for hiding (the dealer sees it)
        <input name="reason" maxLength={500} aria-invalid={errors.reason ? true : undefined} className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
        {errors.reason && <span className="mt-1 block text-sm font-normal text-red-700">{errors.reason}</span>}
      </label>
      <Button type="submit" variant="secondary" pending={hide.isPending}>Hide comment</Button>
      {hide.error && !errors.reason && <FormAlert>{errorMessage(hide.error)}</FormAlert>}
    </form>
  );
}

/** The admin's moderation list. */
export function AdminRatings() {
  const trpc = useTRPC();
  const q = useQuery(trpc.ratings.recent.queryOptions());
  if (q.isPending) return <Loading />;
  if (q.isError) return <FormAlert>{errorMessage(q.error)}</FormAlert>;
  if (q.data.length === 0) return <EmptyState title="No comments yet" body="Buyers' rating comments appear here, newest first." />;
  return (
    <ul className="space-y-3" aria-label="Ratings">
      {q.data.map((r) => (
        <li key={r.id}>
          <Card className="break-words text-sm">
            <p className="text-ink">
              <span className="text-amber-700" aria-label={`${r.stars} stars`}>{"★".repeat(r.stars)}</span> {r.byline} rated {r.target === "DEALER" ? "dealer" : "lender"} <span className="font-medium">{r.rated}</span>
            </p>
            <p className="mt-1 text-ink">“{r.comment}”</p>
            {r.answer && <p className="mt-1 border-l-2 border-slate-300 pl-2 text-slate-700">Answer: {r.answer}</p>}
            {r.hiddenAt ? <p className="mt-2 text-amber-900">Hidden: {r.hiddenReason}</p> : <HideForm ratingId={r.id} />}
          </Card>
        </li>
      ))}
    </ul>
  );
}
