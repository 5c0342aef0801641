import { describe, expect, test } from "vitest";
import { MAX_JSON_BYTES, MAX_JSON_DEPTH, nestsDeeperThan, parseJsonText, readCappedText, readJson, readOptionalJson } from "./body";

const req = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request("http://x/", { method: "POST", body, headers, ...(typeof body === "string" ? {} : { duplex: "half" }) });
const nested = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("readJson", () => {
  test("a body that is not JSON is a 400 BAD_REQUEST", async () => {
    await expect(readJson(req("{nope"))).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Request body must be JSON" });
    expect(await readJson(req('{"a":1}'))).toEqual({ a: 1 });
  });

  test("readOptionalJson reads a blank body as the given value", async () => {
    expect(await readOptionalJson(req("  "), {})).toEqual({});
    expect(await readOptionalJson(req('{"reason":"r"}'), {})).toEqual({ reason: "r" });
    await expect(readOptionalJson(req("x"), {})).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  test("a body over the cap is a 413, whether declared or only sent", async () => {
    const big = JSON.stringify({ a: "x".repeat(MAX_JSON_BYTES) });
    await expect(readJson(req(big))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    await expect(readJson(req("{}", { "content-length": String(MAX_JSON_BYTES + 1) }))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await readJson(req(JSON.stringify({ a: "x".repeat(MAX_JSON_BYTES - 10) })))).toMatchObject({ a: expect.any(String) });
  });

  test("a stream that never ends is cancelled at the cap, not read to its end", async () => {
    let pulls = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (c) => void (pulls++, c.enqueue(new Uint8Array(1024).fill(0x20))),
      cancel: () => void (cancelled = true),
    });
    await expect(readCappedText(req(endless), 8 * 1024)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThan(20);
  });

  test("a source without a stream (the fast path's request) is checked by its text", async () => {
    const source = (text: string) => ({ headers: new Headers(), text: async () => text });
    expect(await readJson(source('{"ok":true}'))).toEqual({ ok: true });
    await expect(readJson(source(" ".repeat(MAX_JSON_BYTES + 1)))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("nesting", () => {
  test("counts only brackets outside strings, escaped quotes included", () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ a: "[[[[[[", b: '\\"[[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify([{ a: [{}] }]), 3)).toBe(true);
  });

  test("JSON deeper than the cap is a 400 before JSON.parse sees it, even 100k levels", () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
    expect(() => parseJsonText(nested(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect(() => parseJsonText(nested(100_000))).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect(() => parseJsonText(`{"a":${"[".repeat(100_000)}`)).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
  });
});
