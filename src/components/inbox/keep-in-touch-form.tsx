"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { errorMessage, fieldErrors } from "~/trpc/errors";
import { Button } from "~/components/ui/button";
import { Field, FormAlert, SelectField } from "~/components/ui/field";
import { keepInTouchText } from "~/modules/consent/texts";
import { MAX_GRANT_DAYS, PERIOD_WORDS, REPLY_WINDOW_DAYS, TOPIC_WORDS } from "~/modules/keep-in-touch/rules";

type Topic = keyof typeof TOPIC_WORDS;
type Period = keyof typeof PERIOD_WORDS;
const TOPICS = Object.keys(TOPIC_WORDS) as Topic[];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const fmt = (d: Date | string) => new Date(d).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/**
 * On the deal panel: the buyer lets the dealer they bought from keep in touch, on the buyer's terms.
 * The words shown are the ones stored and enforced (texts.ts keepInTouchText).
 */
export function KeepInTouchForm({ dealId, dealerName }: { dealId: string; dealerName: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const current = useQuery(trpc.consent.keepInTouch.queryOptions({ dealId }));
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.consent.keepInTouch.queryKey({ dealId }) });
    void qc.invalidateQueries({ queryKey: trpc.consent.myData.queryKey() });
  };
  const give = useMutation(trpc.consent.giveKeepInTouch.mutationOptions({ onSuccess: () => { setEditing(false); refresh(); } }));
  const revoke = useMutation(trpc.consent.revokeKeepInTouch.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState(false);
  const [topics, setTopics] = useState<Topic[]>(["SERVICE", "RECALLS"]);
  const [capCount, setCapCount] = useState(1);
  const [capPeriod, setCapPeriod] = useState<Period>("MONTH");
  const [lastDay, setLastDay] = useState(() => iso(new Date(Date.now() + 365 * 86_400_000)));
  const errors = fieldErrors(give.error);
  const grant = current.data?.grant;
  const text = keepInTouchText({ dealer: dealerName, topics, capCount, capPeriod, lastDay: lastDay ? fmt(`${lastDay}T00:00:00Z`) : "the day you choose", replyDays: REPLY_WINDOW_DAYS });

  return (
    <section aria-labelledby="kit-title" className="mt-4 rounded-lg bg-white p-3 text-sm text-ink" data-testid="keep-in-touch">
      <h3 id="kit-title" className="font-medium text-slate-800">Keep in touch with {dealerName}?</h3>
      {grant && !editing ? (
        <div data-testid="kit-active">
          <p className="mt-1">
            {dealerName} may write to you about {grant.topics.map((t) => TOPIC_WORDS[t].toLowerCase()).join(", ")}, at most {grant.capCount} message{grant.capCount === 1 ? "" : "s"} a calendar {PERIOD_WORDS[grant.capPeriod]}, through {fmt(new Date(grant.endsAt.getTime() - 1))}.
          </p>
          {revoke.error && <FormAlert>{errorMessage(revoke.error)}</FormAlert>}
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)}>Change terms</Button>
            <Button variant="danger" pending={revoke.isPending} onClick={() => revoke.mutate({ grantId: grant.id })}>Stop: revoke this grant</Button>
          </div>
        </div>
      ) : (
        <form
          className="mt-1 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            give.mutate({ dealId, topics, capCount, capPeriod, lastDay });
          }}
        >
          <p className="text-slate-700">
            Once your car is delivered, {dealerName} can start a conversation only if you allow it here. Answers to a message you sent in the last {REPLY_WINDOW_DAYS} days are always allowed.
          </p>
          <fieldset aria-describedby={errors.topics ? "kit-topics-err" : undefined}>
            <legend className="text-sm font-medium text-slate-800">About</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {TOPICS.map((t) => (
                <label key={t} className="inline-flex min-h-6 items-center gap-2">
                  <input
                    type="checkbox"
                    name="topics"
                    value={t}
                    checked={topics.includes(t)}
                    onChange={(e) => setTopics((cur) => (e.target.checked ? [...cur, t] : cur.filter((x) => x !== t)))}
                  />
                  {TOPIC_WORDS[t]}
                </label>
              ))}
            </div>
            {errors.topics && <p id="kit-topics-err" className="mt-1 text-sm text-red-700">{errors.topics}</p>}
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField label="At most" value={capCount} onChange={(e) => setCapCount(Number(e.target.value))} error={errors.capCount}>
              {[1, 2, 3, 4].map((n) => <option key={n} value={n}>{n} message{n === 1 ? "" : "s"}</option>)}
            </SelectField>
            <SelectField label="Per calendar" value={capPeriod} onChange={(e) => setCapPeriod(e.target.value as Period)} error={errors.capPeriod}>
              {(Object.keys(PERIOD_WORDS) as Period[]).map((p) => <option key={p} value={p}>{PERIOD_WORDS[p]}</option>)}
            </SelectField>
            <Field
              label="Last day"
              type="date"
              value={lastDay}
              min={iso(new Date())}
              max={iso(new Date(Date.now() + (MAX_GRANT_DAYS - 1) * 86_400_000))}
              onChange={(e) => setLastDay(e.target.value)}
              error={errors.lastDay}
              hint="At most 2 years from today."
            />
          </div>
          <p className="rounded-md bg-slate-50 p-2 text-xs text-slate-700" data-testid="kit-text">{text}</p>
          {give.error && Object.keys(errors).length === 0 && <FormAlert>{errorMessage(give.error)}</FormAlert>}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={give.isPending} disabled={topics.length === 0}>I agree: let {dealerName} keep in touch</Button>
            {editing && <Button type="button" variant="secondary" onClick={() => setEditing(false)}>Cancel</Button>}
          </div>
        </form>
      )}
    </section>
  );
}
