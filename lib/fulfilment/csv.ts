// The two CSV files of fulfilment. In: a seller's shipments (order id, courier, tracking number), as Excel
// or Google Sheets save them (UTF-8 with or without a BOM, quoted cells, CRLF). Out: the seller's orders for
// a spreadsheet (UTF-8 with a BOM so that Excel reads Korean; every cell that a spreadsheet would run as a
// formula made inert). Pure functions: the service does the writing.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { AppError } from "@/lib/errors";
import { MAX_CSV_ROWS } from "./schemas";

export type CsvShipmentRow = { line: number; orderId: string; courier: string; trackingNumber: string };

// Header names a seller may use for each column (compared without spaces, case-insensitively).
const headerNames = {
  orderId: ["주문번호", "orderid", "order", "order_id"],
  courier: ["택배사", "courier", "carrier"],
  trackingNumber: ["송장번호", "운송장번호", "trackingnumber", "tracking", "tracking_number"],
} as const;
type Column = keyof typeof headerNames;

/** The template's header (the same names the export uses). */
export const shipmentCsvHeader = ["주문번호", "택배사", "송장번호"] as const;

const invalid = (code: string) => new AppError("VALIDATION", "Invalid CSV file", { csv: [code] });

function columnsOf(header: string[]): Record<Column, number> {
  const key = (s: string) => s.replace(/\s+/g, "").toLowerCase();
  const at = (c: Column) => header.findIndex((h) => (headerNames[c] as readonly string[]).includes(key(h)));
  const cols = { orderId: at("orderId"), courier: at("courier"), trackingNumber: at("trackingNumber") };
  if (Object.values(cols).some((i) => i < 0)) throw invalid("csv_header");
  return cols;
}

/**
 * The rows of a shipments file with their line numbers (for the per-row answer). Throws 422 `csv` for a
 * file that is no CSV, lacks a column, has no rows or more than MAX_CSV_ROWS. Blank rows are left out.
 */
export function parseShipmentCsv(csv: string): CsvShipmentRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, info: true, trim: true, skip_empty_lines: true, relax_column_count: true, max_record_size: 4096 }) as unknown as typeof records;
  } catch {
    throw invalid("csv_invalid");
  }
  const nonBlank = records.filter((r) => r.record.some((c) => c !== ""));
  if (nonBlank.length === 0) throw invalid("csv_empty");
  const cols = columnsOf(nonBlank[0].record);
  const rows = nonBlank.slice(1);
  if (rows.length === 0) throw invalid("csv_empty");
  if (rows.length > MAX_CSV_ROWS) throw invalid("csv_too_many_rows");
  return rows.map(({ record, info }) => ({
    line: info.lines,
    orderId: record[cols.orderId] ?? "",
    courier: record[cols.courier] ?? "",
    trackingNumber: record[cols.trackingNumber] ?? "",
  }));
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return before one) as a formula:
 * such a cell gets a leading apostrophe, which spreadsheets show as text (OWASP "CSV injection").
 */
export const inertCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** A CSV file for Excel: BOM, CRLF, every cell quoted where needed and made inert. */
export function toCsv(header: readonly string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((r) => r.map((v) => (v === null ? "" : inertCell(String(v)))));
  return "\uFEFF" + stringify([header.map(inertCell), ...cells], { record_delimiter: "windows" });
}
