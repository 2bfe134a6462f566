import { REASON_KEYS, REASONS } from "~/modules/ratings/reasons";

type Given = {
  stars: number; comment: string | null; signedName: string | null; answer: string | null; hiddenAt: Date | null; hiddenReason: string | null;
  priceAsQuoted: boolean; feesAsQuoted: boolean; noPressure: boolean; speed: boolean; communication: boolean;
};

/** The buyer's own rating as stored: stars, reasons, how it is signed, the dealer's answer or the moderators' note. */
export function YourRating({ name, r }: { name: string; r: Given }) {
  const ticked = REASON_KEYS.filter((k) => r[k]).map((k) => REASONS[k].label);
  return (
    <div className="space-y-1 text-sm text-ink" data-testid="your-rating">
      <p>
        You rated {name} <span className="text-amber-600" aria-label={`${r.stars} stars`}>{"★".repeat(r.stars)}</span>
        {r.comment && !r.hiddenAt ? ` — “${r.comment}”` : ""}
      </p>
      {ticked.length > 0 && <p className="text-slate-700">You said: {ticked.join(", ")}.</p>}
      <p className="text-xs text-slate-600">Shown as {r.signedName ? `“${r.signedName}”` : "“A verified buyer”"}.</p>
      {r.hiddenAt && (
        <p className="rounded bg-amber-50 px-2 py-1 text-amber-900">
          Keyturn&apos;s moderators hid your comment: {r.hiddenReason}. Your stars and reasons still count.
        </p>
      )}
      {r.answer && !r.hiddenAt && <p className="border-l-2 border-slate-300 pl-2 text-slate-700">{name} answered: {r.answer}</p>}
    </div>
  );
}
