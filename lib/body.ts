// Request bodies, read once with a size cap and parsed as JSON with a nesting cap (docs/security.md).
// Plumbing with no server-only imports: lib/validation.ts (shared with client forms) builds on it.
import { AppError } from "@/lib/errors";

/** Every JSON body the shop takes is small (a product with a 5,000-character description is ~20 kB). */
export const MAX_JSON_BYTES = 64 * 1024;
/** The deepest JSON any route expects is 4 levels (a Toss webhook); 32 leaves room and bounds recursion. */
export const MAX_JSON_DEPTH = 32;

export const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "Body too large");
const notJson = () => new AppError("BAD_REQUEST", "Request body must be JSON");
const tooDeep = () => new AppError("BAD_REQUEST", `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);

/** What a body is read from: a Fetch Request (streamed, capped here), or anything with text() already capped. */
export type BodySource = {
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  readonly body?: unknown;
};

/** A declared Content-Length over the cap is refused before a byte is read. */
export function declaresTooLarge(headers: BodySource["headers"], max: number): boolean {
  const length = Number(headers.get("content-length") ?? 0);
  return Number.isFinite(length) && length > max;
}

/**
 * The body as text, at most `max` bytes: a larger body is a 413 and the rest is never buffered (the
 * stream is cancelled). Invalid UTF-8 becomes U+FFFD, as Request.text() does.
 */
export async function readCappedText(req: BodySource, max = MAX_JSON_BYTES): Promise<string> {
  if (declaresTooLarge(req.headers, max)) throw tooLarge();
  if (!(req.body instanceof ReadableStream)) {
    const text = await req.text(); // the fast path's request: capped while it was read from the socket
    if (Buffer.byteLength(text) > max) throw tooLarge();
    return text;
  }
  return (await readCappedBytes(req.body, max)).toString("utf8");
}

/**
 * A body stream's bytes, at most `max`, counted as they arrive (a chunked body declares no length): past
 * the cap it is a 413, the stream is cancelled and the rest is never buffered.
 */
export async function readCappedBytes(body: ReadableStream<Uint8Array>, max: number): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const OPEN_OBJECT = 0x7b, OPEN_ARRAY = 0x5b, CLOSE_OBJECT = 0x7d, CLOSE_ARRAY = 0x5d, QUOTE = 0x22, BACKSLASH = 0x5c;

/**
 * True when the text opens more than `max` arrays/objects at once. A linear scan that skips strings, run
 * before JSON.parse: parsing (and later zod, Prisma or JSON.stringify) recurses, so depth is refused first.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

/** JSON text to a value: too deep or not JSON (RangeError included) is a 400. */
export function parseJsonText(text: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw tooDeep();
  try {
    return JSON.parse(text);
  } catch {
    throw notJson();
  }
}

/** The request body parsed as JSON (capped in size and depth); a body that is not JSON (or none) is a 400. */
export async function readJson(req: BodySource, max = MAX_JSON_BYTES): Promise<unknown> {
  return parseJsonText(await readCappedText(req, max));
}

/** Like readJson, but an empty (or blank) body reads as `empty`. */
export async function readOptionalJson(req: BodySource, empty: unknown, max = MAX_JSON_BYTES): Promise<unknown> {
  const text = await readCappedText(req, max);
  return text.trim() ? parseJsonText(text) : empty;
}
