import { parse } from "csv-parse/sync";
import { AppError } from "~/server/errors";
import { resolveColumns, type InventoryField } from "./columns";
import { validateRow, type BadRow, type InventoryRow } from "./validate-row";

// 5 MB is about 35,000 rows of a typical feed, several times the largest single rooftop's stock, and
// small enough that parsing it never holds a web process for long.
export const MAX_FILE_MB = 5;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;

export const tooLargeFile = () => new InventoryFileError("TOO_LARGE", `This file is over ${MAX_FILE_MB} MB. Split it into smaller files and import each.`);

export type FileRefusalReason = "EMPTY" | "NOT_UTF8" | "TOO_LARGE" | "MALFORMED" | "MISSING_COLUMNS";

/** A whole file refused before any row is looked at. `missing` and `headers` let the UI offer the mapping. */
export class InventoryFileError extends AppError {
  constructor(
    readonly reason: FileRefusalReason,
    message: string,
    readonly missing?: InventoryField[],
    readonly headers?: string[],
  ) {
    super(reason === "TOO_LARGE" ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", message);
  }
}

export type ParsedFile = { rows: InventoryRow[]; bad: BadRow[]; total: number };

/** The VINs of refused rows: still in the feed, so a full feed must not mark them sold. */
export const refusedVins = (bad: BadRow[]) => bad.flatMap((b) => (b.vin ? [b.vin] : []));

const NOT_UTF8 = "This file is not UTF-8 text. Save it as UTF-8 CSV (in Excel: “CSV UTF-8”) and try again.";

export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_FILE_BYTES) throw tooLargeFile();
  // UTF-16 (Excel's "Unicode Text") starts with a byte-order mark, or, without one, has a zero byte beside
  // every ASCII character, which is valid UTF-8 and would otherwise reach the parser as one garbled column.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0);
  if (utf16) throw new InventoryFileError("NOT_UTF8", `This file looks like UTF-16 text. ${NOT_UTF8.replace("This file is not UTF-8 text. ", "")}`);
  try {
    // fatal: a Latin-1 or Windows-1252 export would otherwise import with garbled makes and models.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InventoryFileError("NOT_UTF8", NOT_UTF8);
  }
}

type Record_ = { record: string[]; info: { lines: number } };

export function parseInventoryFile(bytes: Uint8Array, mapping?: Record<string, InventoryField>): ParsedFile {
  const text = decodeUtf8(bytes);
  let records: Record_[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as Record_[];
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^Invalid Record Length: /, "") : "";
    throw new InventoryFileError("MALFORMED", `This file is not valid CSV. ${detail}`.trim());
  }
  const [head, ...body] = records;
  if (!head) throw new InventoryFileError("EMPTY", "This file is empty. Export your inventory with a header row and at least one vehicle.");
  if (body.length === 0) throw new InventoryFileError("EMPTY", "This file has a header but no vehicles.");
  const headers = head.record;
  const { columns, missing } = resolveColumns(headers, mapping);
  // A first row of VINs or prices is data, not a header: say so rather than listing every column as missing.
  if (missing.length === REQUIRED_COUNT) throw new InventoryFileError("EMPTY", "This file has no header row we recognise. The first line must name the columns (vin, year, make, model, price, condition).", missing, headers);
  if (missing.length) throw new InventoryFileError("MISSING_COLUMNS", `These columns are missing: ${missing.join(", ")}. Map them to columns of your file.`, missing, headers);

  const rows: InventoryRow[] = [];
  const bad: BadRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const r = validateRow(record, columns, info.lines);
    if ("reason" in r) {
      bad.push(r);
      continue;
    }
    const first = seen.get(r.vin);
    if (first !== undefined) {
      bad.push({ line: r.line, vin: r.vin, reason: `Duplicate VIN: already on line ${first}.` });
      continue;
    }
    seen.set(r.vin, r.line);
    rows.push(r);
  }
  return { rows, bad, total: body.length };
}

const REQUIRED_COUNT = resolveColumns([]).missing.length;
