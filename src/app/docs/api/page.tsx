import { describeWebhookRetries } from "~/modules/webhooks/retry-schedule";
import type { ReactNode } from "react";
import { Brand } from "~/components/brand";
import { ButtonLink } from "~/components/ui/button";
import { openApiDocument } from "~/modules/lender-api/openapi";
import { RETENTION } from "~/modules/housekeeping/retention-rules";
import { examples, eventNames, verifyExample } from "./examples";

export const metadata = { title: "Lender API reference" };
// Per request: the retry schedule comes from the validated environment, which a build does not have.
export const dynamic = "force-dynamic";

type Op = { operationId: string; summary: string; description?: string; parameters?: { name: string; in: string; required?: boolean; description?: string; schema: Record<string, unknown> }[]; responses: Record<string, { description: string }> };

const methodTone: Record<string, string> = { get: "bg-green-100 text-green-900", post: "bg-brand-100 text-brand-700" };

function Code({ children, label }: { children: string; label?: string }) {
  return (
    <figure className="min-w-0">
      {label && <figcaption className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</figcaption>}
      <pre tabIndex={0} className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100"><code>{children}</code></pre>
    </figure>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="scroll-mt-6 border-t border-slate-200 py-8">
      <h2 id={`${id}-h`} className="text-xl font-bold text-ink">{title}</h2>
      <div className="mt-3 space-y-3 text-sm leading-relaxed text-slate-700">{children}</div>
    </section>
  );
}

function exampleFor(operationId: string) {
  const e = (examples as Record<string, unknown>)[operationId];
  return typeof e === "object" && e ? (e as { request: string; response: string }) : { request: "", response: "" };
}

/** OpenAPI descriptions use `backticks` for code; render them as code. */
function Md({ text }: { text: string }) {
  return <>{text.split("`").map((part, i) => (i % 2 ? <code key={i} className="font-mono text-ink">{part}</code> : part))}</>;
}

const typeOf = (s: Record<string, unknown>) => (s.enum ? (s.enum as string[]).join(" | ") : String(s.type ?? "string"));

export default function ApiReference() {
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as Record<string, Op>).map(([method, op]) => ({ path, method, op })));
  const toc = [
    { id: "auth", label: "Authentication" },
    { id: "errors", label: "Errors" },
    { id: "idempotency", label: "Idempotency & ordering" },
    { id: "pagination", label: "Pagination & limits" },
    ...ops.map((o) => ({ id: o.op.operationId, label: o.op.summary })),
    { id: "webhooks", label: "Webhooks" },
  ];

  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
          <Brand />
          <nav aria-label="Docs" className="flex gap-2">
            <ButtonLink href="/api/v1/openapi.json" variant="secondary" prefetch={false}>OpenAPI JSON</ButtonLink>
            <ButtonLink href="/lender/api-keys" className="hidden sm:inline-flex">Get a key</ButtonLink>
          </nav>
        </div>
      </header>
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[220px_1fr]">
        <nav aria-label="On this page" className="lg:sticky lg:top-6 lg:self-start">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">On this page</p>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm lg:block lg:space-y-1">
            {toc.map((t) => (
              <li key={t.id}><a className="text-brand-700 hover:underline" href={`#${t.id}`}>{t.label}</a></li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0">
          <h1 className="text-3xl font-bold tracking-tight text-ink">{doc.info.title}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">
            Every quote on Keyturn arrives with financing. When a dealer quotes a buyer who shares their credit profile, you get a
            pre-approval request for the amount financed. Pull requests and post decisions with this API, or let your
            auto-decision policy answer. Base URL <code className="rounded bg-slate-200 px-1 font-mono text-sm">{doc.servers[0]!.url}</code>, version {doc.info.version}.
          </p>

          <Section id="auth" title="Authentication">
            <p>Create a key in the console (<strong>API keys</strong>). It is shown once; we store only its hash. Send it in the <code className="font-mono">Authorization</code> header. A key in the URL (query string or path) is refused with <code className="font-mono">400 key_in_url</code> — revoke any key you exposed that way. A revoked key fails from the next call on. Test keys (<code className="font-mono">kt_test_…</code>) see the sandbox and never live data.</p>
            <Code label="Request">{examples.auth}</Code>
          </Section>

          <Section id="errors" title="Errors">
            <p>Every error has the same shape, with a stable <code className="font-mono">code</code> and a message for humans. There is never a stack trace.</p>
            <Code label="Response · 404">{examples.error}</Code>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[28rem] text-left text-sm">
                <thead><tr className="border-b border-slate-200 text-slate-600"><th className="py-1 pr-4 font-medium">Status</th><th className="py-1 font-medium">Meaning</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {[
                    ["400", "Malformed JSON, bad query parameter, missing Idempotency-Key, key in URL"],
                    ["401", "Missing, unknown or revoked key"],
                    ["404", "No such pre-approval — or it belongs to another lender"],
                    ["409", "The quote was revised since (decide on the new quote_version), or the request was cancelled/expired"],
                    ["413", "Body larger than 16 KB"],
                    ["422", "Invalid decision (unknown fields are refused), or Idempotency-Key reused with another body"],
                    ["429", "Rate limit exceeded; wait Retry-After seconds"],
                    ["500", "Something failed on our side; retry (a decision with the same Idempotency-Key)"],
                  ].map(([s, m]) => (
                    <tr key={s}><td className="py-1 pr-4 font-mono">{s}</td><td className="py-1">{m}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>

          <Section id="idempotency" title="Idempotency & ordering">
            <p>Each decision needs an <code className="font-mono">Idempotency-Key</code> header (a UUID works). Retrying with the same key and the same body returns the stored response with <code className="font-mono">Idempotent-Replayed: true</code>; the same key with a different body is refused with 422. Keys are remembered for {RETENTION.idempotencyMs / 86_400_000} days; after that the same key is a new decision.</p>
            <p>Decisions carry your own <code className="font-mono">decisionVersion</code>. A higher version supersedes a lower one; a lower version arriving late changes nothing (<code className="font-mono">applied: false</code>). When the dealer revises the quote, the request comes back as pending with a new <code className="font-mono">quote_version</code> and the version count restarts.</p>
          </Section>

          <Section id="pagination" title="Pagination & limits">
            <p>Lists return <code className="font-mono">has_more</code> and <code className="font-mono">next_cursor</code>; pass the cursor back to get the next page. <code className="font-mono">limit</code> is at most 100. Each key may make a limited number of calls per minute; responses carry <code className="font-mono">X-RateLimit-Limit</code> and <code className="font-mono">X-RateLimit-Remaining</code>.</p>
          </Section>

          {ops.map(({ path, method, op }) => (
            <Section key={op.operationId} id={op.operationId} title={op.summary}>
              <p className="flex flex-wrap items-center gap-2">
                <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${methodTone[method] ?? "bg-slate-100"}`}>{method}</span>
                <code className="break-all font-mono text-sm text-ink">{doc.servers[0]!.url}{path}</code>
              </p>
              {op.description && <p><Md text={op.description} /></p>}
              {!!op.parameters?.length && (
                <div className="overflow-x-auto">
                  <table className="w-full min-w-[28rem] text-left text-sm">
                    <caption className="sr-only">Parameters</caption>
                    <thead><tr className="border-b border-slate-200 text-slate-600"><th className="py-1 pr-4 font-medium">Parameter</th><th className="py-1 pr-4 font-medium">In</th><th className="py-1 font-medium">Type</th></tr></thead>
                    <tbody className="divide-y divide-slate-100">
                      {op.parameters.map((p) => (
                        <tr key={p.name}>
                          <td className="py-1 pr-4 font-mono">{p.name}{p.required && <span className="text-red-700" title="required"> *</span>}</td>
                          <td className="py-1 pr-4">{p.in}</td>
                          <td className="py-1">{typeOf(p.schema)}{p.description ? <> — <Md text={p.description} /></> : null}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <ul aria-label="Responses" className="flex flex-wrap gap-x-4 gap-y-1">
                {Object.entries(op.responses).map(([status, r]) => (
                  <li key={status}>
                    <span className={`font-mono font-semibold ${status.startsWith("2") ? "text-green-800" : "text-red-800"}`}>{status}</span> {r.description}
                  </li>
                ))}
              </ul>
              <div className="grid gap-3 xl:grid-cols-2">
                <Code label="Request">{exampleFor(op.operationId).request}</Code>
                <Code label="Response">{exampleFor(op.operationId).response}</Code>
              </div>
            </Section>
          ))}

          <Section id="webhooks" title="Webhooks">
            <p>Register an https endpoint in the console. We POST JSON events through a transactional outbox. {describeWebhookRetries()} Events carry an <code className="font-mono">id</code>: de-duplicate on it. Events: {eventNames.map((e, i) => <span key={e}>{i ? ", " : ""}<code className="font-mono">{e}</code></span>)}.</p>
            <p>Verify <code className="font-mono">Keyturn-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>: HMAC-SHA256 with your secret over <code className="font-mono">{"`${t}.${rawBody}`"}</code>, compared in constant time, rejecting timestamps more than 5 minutes off. During a secret rotation two <code className="font-mono">v1</code> values are sent, one per secret.</p>
            <Code label="Event">{examples.event}</Code>
            <Code label="Node.js receiver">{verifyExample}</Code>
          </Section>
        </main>
      </div>
    </div>
  );
}
