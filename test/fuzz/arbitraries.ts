// Generated requests: valid, near-valid and hostile. Bodies are built as JSON *text* (not objects) so that
// keys like `__proto__` really reach the server, keys can repeat, and nesting can go deeper than any
// JSON.stringify of a generated value would.
import fc from "fast-check";

/** Strings a parser or a database has opinions about. */
export const HOSTILE_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\u0001\u001f\u007f", "\t\r\n", "\ud800", "\udfff", "\ufeff", "\u202e", "\u200b",
  "🙂", "👩‍👩‍👧‍👦", "한글 상품", "𝕳𝖚𝖗𝖗𝖞", "e\u0301", "ﷺ", "İ", "ß",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$K1", "$@0", "$Q1", "$undefined", "$n1",
  "null", "undefined", "true", "NaN", "Infinity", "-0", "1e309", "0x10", "١٢٣",
  "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "+275760-09-13T00:00:00Z", "2026-11-30", "2026-11-30T12:00:00",
  "../../etc/passwd", "..%2f..%2fetc%2fpasswd", "/products/../../.env", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "%", "\\", "//evil.example",
  "x".repeat(300), "가".repeat(5001), "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

export const HOSTILE_NUMBERS = [0, -0, -1, 1, 2, 99, 100, 1000, 1001, 2 ** 31, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e21, 1.5, 0.1, -1e-7, 1e308];

/** A JSON value as text. */
export type JsonText = string;

const str = (s: string): JsonText => JSON.stringify(s);

export type Pools = {
  /** Real ids of every kind (products, orders, users, …) — valid values. */
  ids: string[];
  /** Strings the shop would accept somewhere: emails, statuses, dates, the demo password, … */
  strings: string[];
  /** Field names known to the shop's schemas. */
  keys: string[];
};

export function arbitraries(pools: Pools) {
  const anyString = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pools.strings, ...pools.ids) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  );
  const number = fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pools.keys) },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "", "a.b", "0", "$ACTION_ID_x") },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

  /** Any JSON value as text, nesting a few levels. */
  const value: fc.Arbitrary<JsonText> = fc.letrec<{ v: JsonText }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 5, arbitrary: anyString.map(str) },
      { weight: 3, arbitrary: number.map((n) => JSON.stringify(n)) },
      { weight: 1, arbitrary: fc.constantFrom("true", "false", "null") },
      { weight: 1, arbitrary: fc.array(tie("v"), { maxLength: 4 }).map((a) => `[${a.join(",")}]`) },
      { weight: 1, arbitrary: fc.array(fc.tuple(key, tie("v")), { maxLength: 4 }).map(objectText) },
    ),
  })).v;

  /** An object of known field names, mostly sensible values: what near-valid input looks like. */
  const nearValidObject = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 8 }).map(objectText);

  const deep = fc.tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean()).map(([n, arr]) => (arr ? "[".repeat(n) + "]".repeat(n) : '{"a":'.repeat(n) + "1" + "}".repeat(n)));
  const huge = fc.integer({ min: 100_000, max: 2_000_000 }).map((n) => `{"name":${str("x".repeat(n))}}`);
  const brokenJson = fc.constantFrom("{", "[", '{"a":', "{'a':1}", '{"a":1,}', "undefined", "NaN", '"\\u12"', "\u0000", '{"a":1}garbage', "\ufeff{}");

  const jsonBody = fc.oneof(
    { weight: 10, arbitrary: nearValidObject },
    { weight: 3, arbitrary: value },
    { weight: 2, arbitrary: brokenJson },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
  );

  type Body = { contentType?: string; text?: string; form?: [string, string][] };
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: 12, arbitrary: jsonBody.map((text) => ({ contentType: "application/json", text })) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "null").map((text) => ({ contentType: "application/json", text })) },
    { weight: 1, arbitrary: jsonBody.map((text) => ({ contentType: "text/plain", text })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, anyString), { maxLength: 5 }).map((form) => ({ form })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(key, anyString), { maxLength: 5 }).map((pairs) => ({ contentType: "application/x-www-form-urlencoded", text: new URLSearchParams(pairs).toString() })) },
    { weight: 1, arbitrary: fc.constantFrom("multipart/form-data", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "text/html").chain((contentType) => jsonBody.map((text) => ({ contentType, text }))) },
  );

  const query = fc.array(fc.tuple(key, anyString), { maxLength: 4 }).map((pairs) => {
    const q = new URLSearchParams();
    for (const [k, v] of pairs) q.append(k, v);
    return q.toString();
  });

  /** Header values must be ByteStrings without CR, LF or NUL (the client refuses the rest). */
  const headerValue = fc.oneof(anyString, fc.string({ unit: "binary-ascii", maxLength: 60 })).map((s) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, ""));
  const headers = fc.dictionary(
    fc.constantFrom("x-forwarded-for", "x-real-ip", "x-request-id", "idempotency-key", "x-waiting-room-pass", "accept-language", "authorization", "x-forwarded-host", "range", "if-none-match", "tosspayments-webhook-signature", "tosspayments-webhook-transmission-time", "x-hurryup-fuzz"),
    headerValue,
    { maxKeys: 3, noNullPrototype: true },
  );

  /** The Origin a state-changing call carries: the shop's own most of the time, or not. */
  const origin = (own: string) => fc.oneof({ weight: 8, arbitrary: fc.constant<string | null>(own) }, { weight: 2, arbitrary: fc.constantFrom<string | null>(null, "null", "https://evil.example", "http://localhost:1", "not a url", own + ".evil.example") });

  /** Junk beside the session cookie: the language and guest-cart cookies, repeated or malformed. */
  const extraCookie = fc.option(fc.tuple(fc.constantFrom("locale", "hurryup_cart", "authjs.session-token", "__Secure-authjs.session-token"), headerValue).map(([k, v]) => `${k}=${v.replace(/[;,]/g, "")}`), { freq: 3 });

  /** A path parameter: a real id most of the time, else something no id looks like. */
  const param = (real: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(real.length ? real : pools.ids)) }, { weight: 2, arbitrary: anyString });

  /** A valid example as is, or with one field's value swapped, one dropped, or one added. */
  const mutated = (example: Record<string, unknown>) => {
    const entries = Object.entries(example).map(([k, v]): [string, JsonText] => [k, JSON.stringify(v)]);
    return fc.record({ op: fc.constantFrom("same", "swap", "drop", "add"), at: fc.nat(), k: key, v: value }).map(({ op, at, k, v }) => {
      const e = [...entries];
      const i = at % Math.max(1, e.length);
      if (op === "swap" && e.length) e[i] = [e[i][0], v];
      if (op === "drop") e.splice(i, 1);
      if (op === "add") e.push([k, v]);
      return objectText(e);
    });
  };

  return { value, nearValidObject, jsonBody, body, query, headers, origin, extraCookie, param, anyString, key, mutated };
}

function objectText(entries: [string, JsonText][]): JsonText {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;
}
