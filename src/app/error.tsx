"use client";

import { useEffect } from "react";
import { Brand } from "~/components/brand";
import { Button, ButtonLink } from "~/components/ui/button";

// A page that failed to render: say so in words, offer a retry. The digest lets support find the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto grid min-h-[60dvh] max-w-lg place-items-center px-4 py-12">
      <div className="w-full rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div className="mb-6 flex justify-center"><Brand /></div>
        <h1 className="text-xl font-bold text-ink">Something went wrong on our side</h1>
        <p className="mt-2 text-sm text-slate-600">
          This page could not load. Nothing you entered was lost or sent. Try again; if it keeps happening, tell us
          {error.digest ? <> the reference <code className="rounded bg-slate-100 px-1 font-mono">{error.digest}</code></> : null}.
        </p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button onClick={reset}>Try again</Button>
          <ButtonLink href="/" prefetch={false} variant="secondary">Go to the home page</ButtonLink>
        </div>
      </div>
    </main>
  );
}
