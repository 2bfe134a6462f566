"use client";

import { useState } from "react";
import { FormAlert } from "~/components/ui/alert";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, Stat } from "~/components/ui/card";
import { SelectField } from "~/components/ui/field";
// Imports run to thousands of rows: plain counts, not the lead badges' capped "99+".
const formatCount = (n: number) => n.toLocaleString("en-US");

type BadRow = { line: number; vin: string | null; reason: string };
type Preview = { rows: number; add: number; update: number; unchanged: number; markSold: number; bad: BadRow[] };
type Result = { rows: number; added: number; updated: number; unchanged: number; markedSold: number; bad: BadRow[] };
type Refusal = { code: string; message: string; reason?: string; missing?: string[]; headers?: string[] };

const FIELD_WORDS: Record<string, string> = { vin: "VIN", year: "Year", make: "Make", model: "Model", price: "Price", condition: "Condition (new/used)" };

async function send<T>(mode: "preview" | "commit", file: File, fullFeed: boolean, mapping: Record<string, string>): Promise<{ ok: true; body: T } | { ok: false; error: Refusal }> {
  const q = new URLSearchParams({ mode, fullFeed: fullFeed ? "1" : "0" });
  if (Object.keys(mapping).length) q.set("mapping", JSON.stringify(mapping));
  try {
    const res = await fetch(`/api/dealer/inventory/import?${q}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
    const body = (await res.json()) as T & { error?: Refusal };
    return res.ok ? { ok: true, body } : { ok: false, error: body.error ?? { code: "INTERNAL", message: "The import failed. Please try again." } };
  } catch {
    return { ok: false, error: { code: "NETWORK", message: "We could not reach the server. Check your connection and try again." } };
  }
}

export function ImportFlow() {
  const [file, setFile] = useState<File | null>(null);
  const [fullFeed, setFullFeed] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => { setPreview(null); setResult(null); setRefusal(null); };
  const run = async (mode: "preview" | "commit") => {
    if (!file) return setRefusal({ code: "BAD_REQUEST", message: "Choose a CSV file first." });
    setBusy(true);
    setRefusal(null);
    const r = await send<Preview & Result>(mode, file, fullFeed, mapping);
    setBusy(false);
    if (!r.ok) return setRefusal(r.error);
    if (mode === "preview") setPreview(r.body);
    else { setResult(r.body); setPreview(null); }
  };
  const good = preview ? preview.add + preview.update + preview.unchanged : 0;

  if (result)
    return (
      <Card>
        <FormAlert tone="success">Imported: {formatCount(result.added)} added, {formatCount(result.updated)} updated, {formatCount(result.unchanged)} unchanged{result.markedSold ? `, ${formatCount(result.markedSold)} marked sold` : ""}. {result.bad.length ? `${formatCount(result.bad.length)} bad rows were skipped.` : ""}</FormAlert>
        <div className="mt-4 flex flex-wrap gap-2">
          <ButtonLink href="/dealer/inventory">View inventory</ButtonLink>
          <Button variant="secondary" onClick={() => { reset(); setFile(null); }}>Import another file</Button>
        </div>
      </Card>
    );

  return (
    <div className="space-y-4">
      <Card>
        <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); void run("preview"); }}>
          <div>
            <label htmlFor="inventory-file" className="block text-sm font-medium text-slate-800">CSV file</label>
            <input id="inventory-file" type="file" accept=".csv,text/csv" aria-describedby="inventory-file-hint" className="mt-1 block w-full max-w-full text-sm" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMapping({}); reset(); }} />
            <p id="inventory-file-hint" className="mt-1 text-xs text-slate-600">UTF-8 CSV, up to 5 MB. Needs columns for VIN, year, make, model, price and condition; stock, trim, body, mileage, MSRP, exterior color and date in stock are read too.</p>
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" className="mt-0.5" checked={fullFeed} onChange={(e) => { setFullFeed(e.target.checked); setPreview(null); }} />
            <span>Full feed: this file is my whole stock. Available vehicles missing from it are marked sold.</span>
          </label>
          {refusal?.missing && refusal.headers && (
            <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium">Match your columns</legend>
              {refusal.missing.map((field) => (
                <SelectField key={field} label={FIELD_WORDS[field] ?? field} value={Object.keys(mapping).find((h) => mapping[h] === field) ?? ""}
                  onChange={(e) => setMapping((m) => ({ ...Object.fromEntries(Object.entries(m).filter(([, f]) => f !== field)), ...(e.target.value ? { [e.target.value]: field } : {}) }))}>
                  <option value="">Choose a column…</option>
                  {refusal.headers!.map((h) => <option key={h} value={h}>{h}</option>)}
                </SelectField>
              ))}
            </fieldset>
          )}
          {refusal && <FormAlert>{refusal.message}</FormAlert>}
          <Button type="submit" pending={busy && !preview} disabled={!file}>Preview</Button>
        </form>
      </Card>
      {preview && (
        <Card>
          <h2 className="text-lg font-semibold text-ink">Preview</h2>
          <p className="mt-1 text-sm text-slate-600">{formatCount(preview.rows)} rows read. Nothing has been saved yet.</p>
          <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
            <Stat label="To add" value={formatCount(preview.add)} />
            <Stat label="To update" value={formatCount(preview.update)} />
            <Stat label="Unchanged" value={formatCount(preview.unchanged)} />
            <Stat label="To mark sold" value={formatCount(preview.markSold)} />
            <Stat label="Bad rows" value={formatCount(preview.bad.length)} />
          </div>
          {preview.bad.length > 0 && (
            <div className="mt-4">
              <h3 className="text-sm font-semibold text-ink">Rows that will be skipped</h3>
              <table className="mt-2 w-full table-fixed text-left text-sm">
                <thead className="text-xs uppercase tracking-wide text-slate-600"><tr><th className="w-14 py-1">Line</th><th className="py-1">Reason</th></tr></thead>
                <tbody>
                  {preview.bad.map((b) => (
                    <tr key={b.line} className="border-t border-slate-200 align-top">
                      <td className="py-1 tabular-nums">{b.line}</td>
                      <td className="break-words py-1">{b.reason}{b.vin ? <span className="block break-all font-mono text-xs text-slate-600">{b.vin}</span> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="mt-4">
            <Button pending={busy} disabled={good + preview.markSold === 0} onClick={() => void run("commit")}>Import {formatCount(good)} good rows</Button>
          </div>
        </Card>
      )}
    </div>
  );
}
