"use client";

import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { FormAlert } from "~/components/ui/field";
import { errorMessage } from "~/trpc/errors";

export const deliveryTime = (d: Date | string | null) => (d ? new Date(d).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }) : "—");

/**
 * The signing secret of an outbound endpoint (a lender's webhooks, a dealer's CRM POST): the new secret
 * shown once, the hint of the current one, the old one's overlap after a rotation, and the rotate button.
 */
export function SigningSecret({
  heading, description, secret, hint, rotatingUntil, rotate, testId,
}: {
  heading: ReactNode;
  description: ReactNode;
  /** The secret just created or rotated: shown once, never fetched again. */
  secret: string | null;
  hint: string | null | undefined;
  rotatingUntil: Date | string | null | undefined;
  rotate: { isPending: boolean; error: unknown; onRotate: () => void };
  testId: string;
}) {
  return (
    <>
      {heading}
      <p className="mt-1 text-sm text-slate-600">{description}</p>
      {secret && (
        <div role="status" className="mt-3 rounded-lg border border-green-200 bg-green-50 p-3" data-testid={testId}>
          <p className="text-sm font-semibold text-green-900">Copy this secret now. It will not be shown again.</p>
          <code className="mt-1 block break-all font-mono text-sm">{secret}</code>
        </div>
      )}
      <dl className="mt-3 space-y-1 text-sm">
        <div className="flex flex-wrap gap-x-2"><dt className="text-slate-600">Current:</dt><dd className="font-mono">{hint ?? "none yet (created when you save an endpoint)"}</dd></div>
        {rotatingUntil && (
          <div className="flex flex-wrap gap-x-2"><dt className="text-slate-600">Previous secret also signs until:</dt><dd>{deliveryTime(rotatingUntil)}</dd></div>
        )}
      </dl>
      {rotate.error != null && <FormAlert>{errorMessage(rotate.error)}</FormAlert>}
      <Button variant="secondary" className="mt-4" pending={rotate.isPending} disabled={!hint} onClick={rotate.onRotate}>
        Rotate secret
      </Button>
    </>
  );
}

/** "Dec 7, 2026, 10:01 PM · 3 attempts · HTTP 503 · next try …": one delivery's attempts, in both logs. */
export function AttemptsLine({ d, retrying, extra }: { d: { createdAt: Date | string; attempts: number; lastStatusCode: number | null; nextAttemptAt: Date | string | null }; retrying: boolean; extra?: string }) {
  return (
    <p className="text-sm text-slate-600">
      {deliveryTime(d.createdAt)} · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
      {d.lastStatusCode !== null && ` · HTTP ${d.lastStatusCode}`}
      {extra}
      {retrying && d.attempts > 0 && ` · next try ${deliveryTime(d.nextAttemptAt)}`}
    </p>
  );
}
