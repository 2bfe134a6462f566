"use client";

import { useEffect, useRef, useState } from "react";

export type ThreadMessage = { id: string; body: string; createdAt: Date; mine: boolean; author: string };

const time = (d: Date) => d.toLocaleString("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

/** The messages of one thread, newest at the bottom; announced politely as they arrive. */
export function MessageList({ messages, empty }: { messages: ThreadMessage[]; empty: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Scroll the log itself, not the page, to the newest message.
  useEffect(() => {
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [messages.length]);
  return (
    <div ref={box} role="log" aria-live="polite" aria-label="Messages" className="max-h-80 min-h-24 space-y-2 overflow-y-auto rounded-lg bg-slate-50 p-3" tabIndex={0}>
      {messages.length === 0 && <p className="py-6 text-center text-sm text-slate-600">{empty}</p>}
      {messages.map((m) => (
        <div key={m.id} className={`flex ${m.mine ? "justify-end" : "justify-start"}`} data-testid="message">
          <div className={`max-w-[85%] rounded-2xl px-3 py-2 text-sm ${m.mine ? "bg-brand-600 text-white" : "bg-white text-ink ring-1 ring-slate-200"}`}>
            <p className={`text-xs font-semibold ${m.mine ? "text-white/90" : "text-slate-700"}`}>{m.author}</p>
            <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{m.body}</p>
            <p className={`mt-0.5 text-right text-[11px] ${m.mine ? "text-white/90" : "text-slate-600"}`}>{time(m.createdAt)}</p>
          </div>
        </div>
      ))}
    </div>
  );
}

export function Composer({
  label, pending, disabled, onSend, error, warnBeforeSend,
}: {
  label: string;
  pending: boolean;
  disabled?: boolean;
  onSend: (body: string, reset: () => void, confirmed: boolean) => void;
  error?: string | null;
  /** A warning to show (and have confirmed) before this text is sent, or null to send straight away. */
  warnBeforeSend?: (body: string) => string | null;
}) {
  const [warning, setWarning] = useState<string | null>(null);
  const submit = (form: HTMLFormElement, confirmed: boolean) => {
    const body = String(new FormData(form).get("body") ?? "").trim();
    if (!body) return;
    const w = confirmed ? null : (warnBeforeSend?.(body) ?? null);
    setWarning(w);
    if (!w) onSend(body, () => form.reset(), confirmed);
  };
  return (
    <form
      className="mt-3 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget, false);
      }}
    >
      <label className="block text-sm font-medium text-slate-800">
        {label}
        <textarea
          name="body"
          rows={2}
          maxLength={2000}
          disabled={disabled}
          className="mt-1 block w-full resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 disabled:bg-slate-100"
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
          }}
          onChange={() => setWarning(null)}
        />
      </label>
      {warning && (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="contact-warning">
          <p className="font-medium">{warning}</p>
          <p className="mt-1">Your message is sent exactly as you wrote it. Dealers get your details anyway once you accept their quote.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className="rounded-lg bg-amber-700 px-3 py-1.5 font-semibold text-white hover:bg-amber-800" onClick={(e) => submit(e.currentTarget.form!, true)}>
              Send anyway
            </button>
            <button type="button" className="rounded-lg px-3 py-1.5 font-medium text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100" onClick={(e) => { setWarning(null); e.currentTarget.form?.querySelector("textarea")?.focus(); }}>
              Edit message
            </button>
          </div>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <div className="flex justify-end">
        <button
          type="submit"
          disabled={disabled || pending}
          className="inline-flex items-center gap-2 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-brand-600/50"
        >
          {pending ? "Sending…" : "Send"}
        </button>
      </div>
    </form>
  );
}
