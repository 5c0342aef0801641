// One generated request, and the classes of 5xx being fixed in other branches (issue 14) that the suite
// tolerates until those fixes are merged — listed at the end of each run instead of failing it.
// TEMPORARY: delete KNOWN_CLASSES (and knownClassOf's use in fuzz.int.test.ts) once the shared text rule,
// strict dates, body caps and the server-action Origin policy are merged.
export type Sent = {
  role: "guest" | "buyer" | "seller" | "admin";
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  ip: string;
  /** "ORIGIN" is the shop's own origin; null sends none. */
  origin: string | null;
  extraCookie: string | null;
  body: { contentType?: string; text?: string; form?: [string, string][] };
};

/** Everything the request carries that a handler might read as text. */
const texts = (s: Sent) => [s.query, s.body.text ?? "", ...(s.body.form ?? []).flat()];

// C0 controls and DEL, raw or as JSON escapes (JSON.stringify writes \u0000 for NUL); \t \n \r as escapes too.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\\u00[01][0-9a-fA-F]|\\u007[fF]|%00|%0[1-8bcefBCEF]|%1[0-9a-fA-F]|%7[fF]/;
const IMPOSSIBLE_DATE = /\d{4}-(02-3[01]|13-|00-)|0000-01-01|\+275760|9999-12-31T23:59:59\+14:00/;

export const KNOWN_CLASSES: Record<string, (s: Sent) => boolean> = {
  "NUL/control characters in text": (s) => texts(s).some((t) => CONTROL.test(t)),
  "deeply nested JSON": (s) => /(\[\s*){64}|(\{"a":){64}/.test(s.body.text ?? ""),
  "null body": (s) => (s.body.text ?? "").trim() === "null",
  "impossible dates": (s) => texts(s).some((t) => IMPOSSIBLE_DATE.test(t)),
  "oversized body": (s) => texts(s).reduce((n, t) => n + t.length, 0) > 64 * 1024,
  // Next answers 500 when Origin and Host (or X-Forwarded-Host) disagree on a server action.
  "server-action Origin policy": (s) => isAction(s) && (s.origin !== "ORIGIN" || "x-forwarded-host" in s.headers),
  // Not one of issue 14's classes and not fixed anywhere yet: Next's action handler answers 500 when the
  // body is not JSON (decodeReply throws) or decodes to a number, string or boolean (action.apply throws).
  "server-action body not an argument list (Next)": (s) => "next-action" in s.headers && s.body.text !== undefined && !decodesToArgs(s.body.text),
};

/** What Next's decodeReply and action.apply(null, args) accept: JSON that is an array, an object or null. */
function decodesToArgs(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return v === null || typeof v === "object";
  } catch {
    return false;
  }
}

const isAction = (s: Sent) => "next-action" in s.headers || (s.body.form ?? []).some(([k]) => k.startsWith("$ACTION_ID_"));

export function knownClassOf(s: Sent): string | null {
  for (const [name, matches] of Object.entries(KNOWN_CLASSES)) if (matches(s)) return name;
  return null;
}
