// zod at the edges: query strings that fail are 400 (bad request), JSON bodies that fail are 422, and
// every field error is kept, keyed by its dotted path. The one rule for text (`text`) and for dates
// (`calendarDay`, `isoDay`, `isoInstant`) lives here too (docs/security.md, "Input: text, dates and
// bodies"). No server-only imports: client forms share these schemas.
import { z } from "zod";
import { readJson, type BodySource } from "@/lib/body";
import { AppError, type FieldErrors } from "@/lib/errors";

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    const messages = (fields[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message); // one rule may be met by two checks

  }
  return fields;
}

export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Invalid query parameters", fieldErrors(parsed.error));
  return parsed.data;
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid input", fieldErrors(parsed.error));
  return parsed.data;
}

/** The body read with lib/body.ts's caps (413 too large, 400 too deep or not JSON), then validated (422). */
export async function parseBody<T extends z.ZodType>(schema: T, req: BodySource): Promise<z.infer<T>> {
  return parseInput(schema, await readJson(req));
}

/** Route segment ids are UUIDs; anything else cannot exist. */
export const idSchema = z.uuid();
export function parseId(id: string, what = "resource"): string {
  if (!idSchema.safeParse(id).success) throw new AppError("NOT_FOUND", `${what} not found`);
  return id;
}

// ── Text ────────────────────────────────────────────────────────────────────────────────────────────
// C0/C1 controls (NUL breaks PostgreSQL text and jsonb), lone surrogates (not valid UTF-8), the bidi
// embedding/override/isolate controls (text that displays in another order than it reads) and the two
// noncharacters U+FFFE/U+FFFF. Multi-line fields keep newline and tab.
const FORBIDDEN_SINGLE_LINE = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/u;
const FORBIDDEN_MULTI_LINE = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cs}\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/u;

/** True when the text holds a character no field accepts (newline and tab only where `multiline`). */
export function hasForbiddenCharacters(value: string, multiline = false): boolean {
  return (multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).test(value);
}

export type TextOptions = {
  /** Newline and tab allowed (CRLF and CR become LF, as a textarea submits them). */
  multiline?: boolean;
  /** Trim surrounding whitespace (default true; passwords keep theirs). */
  trim?: boolean;
  /** z.string's error for a non-string (default "invalid"). */
  error?: z.core.$ZodStringParams["error"];
  /** Messages (the schema's own vocabulary: form codes or API sentences). */
  tooLong?: string;
  invalidCharacters?: string;
};

/**
 * The one rule for every string the shop accepts: NFC-normalized (so "é" typed two ways is one value and
 * the cap counts what the reader sees), trimmed, free of control characters, at most `max` characters.
 * A ZodString: callers add `.min()`, `.regex()`, `.optional()`… after it.
 */
export function text(max: number, opts: TextOptions = {}): z.ZodString {
  let schema = z.string({ error: opts.error ?? "invalid" }).normalize("NFC");
  if (opts.multiline) schema = schema.overwrite((v) => v.replace(/\r\n?/g, "\n"));
  if (opts.trim !== false) schema = schema.trim();
  return schema
    .refine((v) => !hasForbiddenCharacters(v, opts.multiline), { error: opts.invalidCharacters ?? "invalid_characters" })
    .max(max, { error: opts.tooLong ?? "too_long" });
}

// ── Dates ───────────────────────────────────────────────────────────────────────────────────────────
/** Years a date in this shop can have: no sale, order or filter lies outside them. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2999;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A calendar day "YYYY-MM-DD" as numbers, or null unless it exists: no month 13, no 31 February (which
 * `new Date` silently rolls over to March), no year outside MIN_YEAR–MAX_YEAR.
 */
export function calendarDay(value: string): { year: number; month: number; day: number } | null {
  const m = DAY.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day };
}

/** A calendar day in a query or body, kept as its "YYYY-MM-DD" text. */
export const isoDay = (error = "invalid_date") => text(10, { invalidCharacters: error, tooLong: error }).refine((v) => calendarDay(v) !== null, { error });

const ISO_INSTANT = z.iso.datetime({ offset: true });
const isInstant = (v: string) => ISO_INSTANT.safeParse(v).success && calendarDay(v.slice(0, 10)) !== null;

/** An ISO 8601 instant with its offset ("2026-11-30T10:00:00+09:00") as a Date; the day must exist. */
export const isoInstant = (error = "invalid_date") =>
  text(40, { invalidCharacters: error, tooLong: error })
    .refine(isInstant, { error })
    .transform((v) => new Date(v));
