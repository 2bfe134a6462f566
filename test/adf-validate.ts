// Validates ADF documents against the ADF 1.0 DTD (test/fixtures/adf-1.0.dtd, which says how it differs
// from the public copy) with libxml2's xmllint, a real validating parser (Debian: libxml2-utils).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { create } from "xmlbuilder2";

export const ADF_DTD = path.resolve(import.meta.dirname, "fixtures", "adf-1.0.dtd");

/** xmllint's complaints about each document, "" for a valid one, in order. One process for the batch. */
export function adfErrors(docs: string[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "adf-"));
  try {
    const files = docs.map((xml, i) => {
      const f = path.join(dir, `${i}.xml`);
      writeFileSync(f, xml);
      return f;
    });
    const r = spawnSync("xmllint", ["--noout", "--dtdvalid", ADF_DTD, ...files], { encoding: "utf8" });
    if (r.error) throw new Error(`xmllint could not run (apt-get install -y libxml2-utils): ${r.error.message}`);
    return files.map((f) => r.stderr.split("\n").filter((line) => line.includes(f)).join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Throws (failing the test) unless every document is well-formed ADF 1.0 that validates against the DTD
 * and starts with the adf processing instruction. Plain throws, so vitest and Playwright specs share it.
 */
export function expectValidAdf(...docs: string[]) {
  if (docs.length === 0) throw new Error("expectValidAdf: no documents");
  const errors = adfErrors(docs);
  errors.forEach((e, i) => {
    if (e) throw new Error(`ADF document ${i} does not validate against ${ADF_DTD}:\n${e}\n${docs[i]}`);
  });
  docs.forEach((xml, i) => {
    if (!/^<\?xml version="1.0" encoding="UTF-8"\?>\s*<\?adf version="1.0"\?>/.test(xml)) throw new Error(`ADF document ${i} lacks the XML declaration or the adf processing instruction`);
  });
}

export type AdfNode = { text: string; attrs: Record<string, string>; path: string };

/** Every element named `tag` in an ADF document (read back by a real parser), with its text and attributes. */
export function adfElements(xml: string, tag: string): AdfNode[] {
  const doc = create(xml).node as unknown as Document;
  return Array.from(doc.getElementsByTagName(tag)).map((el) => ({
    text: el.textContent ?? "",
    attrs: Object.fromEntries(Array.from(el.attributes).map((a) => [a.name, a.value])),
    path: (el.parentNode as Element | null)?.tagName ?? "",
  }));
}
