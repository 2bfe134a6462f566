"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { errorMessage } from "~/trpc/errors";
import { Badge, EmptyState, Loading } from "~/components/ui/card";
import { FormAlert } from "~/components/ui/field";

export function MailSink() {
  const trpc = useTRPC();
  const mail = useQuery({ ...trpc.notifications.mailSink.queryOptions(), refetchInterval: 5_000 });
  if (mail.isPending) return <Loading />;
  if (mail.error) return <FormAlert>{errorMessage(mail.error)}</FormAlert>;
  if (mail.data.length === 0) return <EmptyState title="No email sent yet" />;
  return (
    <ul className="space-y-3" data-testid="mail-sink">
      {mail.data.map((m) => (
        <li key={m.id}>
          <details className="rounded-xl border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer">
              <span className="font-medium text-ink">{m.subject}</span>
              <span className="ml-2 text-sm text-slate-600">{m.from ? `from ${m.from} ` : ""}to {m.to} · {m.createdAt.toLocaleString("en-US")}</span>{" "}
              {m.error ? <Badge tone="red">Failed</Badge> : m.sentAt ? <Badge tone="green">Sent</Badge> : <Badge tone="amber">Queued</Badge>}
            </summary>
            <pre className="mt-3 whitespace-pre-wrap text-sm text-slate-800">{m.text}</pre>
            {m.error && <p className="mt-2 text-sm text-red-700">{m.error}</p>}
          </details>
        </li>
      ))}
    </ul>
  );
}
