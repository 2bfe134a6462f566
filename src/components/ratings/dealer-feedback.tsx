"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { Card, EmptyState, Loading, Stat } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";
import { errorMessage } from "~/trpc/errors";
import { MIN_RATINGS_FOR_SHARES, pct, REASON_KEYS, REASONS } from "~/modules/ratings/reasons";
import { AnswerForm } from "./answer-form";

const day = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** The dealer's own feedback: figures, what would raise its rank, and each rating (signed or "A verified buyer"). */
export function DealerFeedback() {
  const trpc = useTRPC();
  const q = useQuery(trpc.ratings.dealerFeedback.queryOptions());
  if (q.isPending) return <Loading />;
  if (q.isError) return <FormAlert>{errorMessage(q.error)}</FormAlert>;
  const { summary, reasonCounts, ratings, advice } = q.data;
  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-3">
        <Stat label="Average rating" value={summary.average == null ? "—" : `${summary.average.toFixed(1)} ★`} />
        <Stat label="Ratings" value={summary.count} />
        <Stat label="Said price as quoted" value={summary.count ? `${reasonCounts.priceAsQuoted} of ${summary.count}` : "—"} />
      </div>

      <Card>
        <h2 className="text-base font-semibold text-ink">What buyers said</h2>
        <p className="text-sm text-slate-600">
          Share of all your ratings that ticked each reason. Buyers see the most-ticked one on your quotes from {MIN_RATINGS_FOR_SHARES} ratings up. Hidden comments still count here: moderation hides the text, not the stars or reasons.
        </p>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="reason-shares">
          {REASON_KEYS.map((k) => (
            <div key={k} className="flex justify-between gap-4">
              <dt className="text-slate-700">{REASONS[k].label}</dt>
              <dd className="font-medium text-ink">{summary.count ? `${pct(reasonCounts[k] / summary.count)} (${reasonCounts[k]} of ${summary.count})` : "—"}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card>
        <h2 className="text-base font-semibold text-ink">What would raise your rank</h2>
        <p className="text-sm text-slate-600">From your own figures. Among quotes equal on total cost, buyers&apos; inboxes order by price honoured, then rating, then the share saying the price was as quoted, then speed, then distance.</p>
        {advice.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink" data-testid="rank-advice">
            {advice.map((a) => <li key={a}>{a}</li>)}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-ink" data-testid="rank-advice">Nothing stands out in your figures yet.</p>
        )}
      </Card>

      <section aria-labelledby="ratings-title">
        <h2 id="ratings-title" className="mb-2 text-base font-semibold text-ink">Ratings, newest first</h2>
        {ratings.length === 0 ? (
          <EmptyState title="No ratings yet" body="Buyers can rate you after you record their delivery." />
        ) : (
          <ul className="space-y-3" data-testid="feedback-list">
            {ratings.map((r) => (
              <li key={r.id} className="break-words rounded-xl border border-slate-200 bg-white p-4 text-sm" data-testid="feedback-item">
                <p className="text-ink">
                  <span className="text-amber-700" aria-label={`${r.stars} stars`}>{"★".repeat(r.stars)}</span> <span className="font-medium">{r.byline}</span>
                  <span className="text-slate-600"> · {day(r.createdAt)}</span>
                </p>
                <p className="text-slate-700">{r.reasons.length ? `Ticked: ${r.reasons.map((k) => REASONS[k].label).join(", ")}` : "Ticked no reasons"}</p>
                {r.hidden ? (
                  <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="hidden-note">
                    Keyturn&apos;s moderators hid this comment{r.answer ? " and your answer" : ""}: {r.hidden.reason}. Buyers no longer see the text; the stars and reasons still count.
                  </p>
                ) : r.comment ? (
                  <>
                    <p className="mt-2 text-ink">“{r.comment}”</p>
                    {r.answer ? <p className="mt-1 border-l-2 border-slate-300 pl-2 text-slate-700">Your answer: {r.answer}</p> : <AnswerForm ratingId={r.id} />}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
