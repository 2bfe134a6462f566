import type { InboxQuote } from "~/modules/inbox/get-inbox";
import { MIN_RATINGS_FOR_SHARES } from "~/modules/ratings/reasons";

/**
 * The dealer's buyer ratings on a quote card: the average over how many, the most-said reason (from
 * MIN_RATINGS_FOR_SHARES ratings up) and its newest visible comments, each with the dealer's one answer.
 */
export function QuoteRatings({ q }: { q: InboxQuote }) {
  if (q.dealerRatingCount === 0) return <p className="text-xs text-slate-600" data-testid="quote-ratings">No buyer ratings yet.</p>;
  return (
    <div className="text-xs text-slate-700" data-testid="quote-ratings">
      <p>
        <span className="font-medium text-ink">{q.dealerRating!.toFixed(1)} ★</span> from {q.dealerRatingCount} buyer rating{q.dealerRatingCount === 1 ? "" : "s"}
        {q.topReason ? ` · ${q.topReason}` : q.dealerRatingCount < MIN_RATINGS_FOR_SHARES ? ` · reasons show from ${MIN_RATINGS_FOR_SHARES} ratings` : ""}
      </p>
      {q.comments.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer font-medium text-brand-700">What buyers said: {q.comments.length === 1 ? "the latest comment" : `the latest ${q.comments.length} comments`}</summary>
          <ul className="mt-1 space-y-2">
            {q.comments.map((c) => (
              <li key={c.id} className="break-words">
                <p>
                  <span className="text-amber-700" aria-label={`${c.stars} stars`}>{"★".repeat(c.stars)}</span> {c.byline}: “{c.comment}”
                </p>
                {c.answer && <p className="mt-0.5 border-l-2 border-slate-300 pl-2 text-slate-600">{q.dealerName} answered: {c.answer}</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
