"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/field";

/** The dealer's one public answer to a buyer's comment. */
export function AnswerForm({ ratingId }: { ratingId: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const answer = useMutation(trpc.ratings.answer.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.ratings.dealerFeedback.queryKey() }) }));
  const errors = fieldErrors(answer.error);
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate({ ratingId, answer: String(new FormData(e.currentTarget).get("answer") ?? "") });
      }}
    >
      <label className="block text-sm font-medium text-slate-800">
        Your public answer (once, up to 1,000 characters)
        <textarea name="answer" rows={2} maxLength={1000} aria-invalid={errors.answer ? true : undefined} className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
      </label>
      {errors.answer && <p className="text-sm text-red-700">{errors.answer}</p>}
      {answer.error && !errors.answer && <FormAlert>{errorMessage(answer.error)}</FormAlert>}
      <p className="text-xs text-slate-600">Buyers see it under the comment on your quotes. You cannot change it afterwards.</p>
      <Button type="submit" variant="secondary" pending={answer.isPending}>Post answer</Button>
    </form>
  );
}
