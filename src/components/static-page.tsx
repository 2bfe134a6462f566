import type { ReactNode } from "react";
import { Brand } from "~/components/brand";

/** The frame for public reading pages (privacy, terms, errors): the brand and a readable column. */
export function StaticPage({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="mx-auto flex max-w-3xl items-center px-4 py-4">
        <Brand />
      </header>
      <main className="mx-auto max-w-3xl px-4 pb-12">{children}</main>
    </div>
  );
}

export function Prose({ children }: { children: ReactNode }) {
  return <div className="space-y-4 rounded-2xl border border-slate-200 bg-white p-5 text-slate-800 shadow-sm sm:p-8 [&_h2]:mt-6 [&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-ink [&_li]:ml-5 [&_li]:list-disc [&_li]:pl-1">{children}</div>;
}
