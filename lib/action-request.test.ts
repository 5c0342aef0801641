// What proxy.ts lets through to Next's action handler: the argument lists Next's client writes, and nothing
// its decoder would crash on. The real decoder is exercised through the production server in
// server/actions-body.int.test.ts.
import { describe, expect, it } from "vitest";
import { actionArgumentsRefusal, isArgumentList } from "./action-request";

const noParts = () => false;

describe("isArgumentList", () => {
  it("takes JSON arrays with plain values and React's standalone tags", () => {
    for (const text of ['[]', '[{"productId":"p","quantity":1}]', '["$$escaped","$undefined","$NaN","$Infinity","$-Infinity","$-0","$D2026-11-30T00:00:00.000Z","$n123","$T"]'])
      expect(isArgumentList(text, noParts), text).toBe(true);
  });

  it("refuses text that is not JSON, JSON that is not an array, and nesting past the cap", () => {
    for (const text of ["", "{", "1", '"s"', "true", "null", '{"length":1000000000}', "[".repeat(40) + "]".repeat(40)])
      expect(isArgumentList(text, noParts), text).toBe(false);
    expect(isArgumentList(null, noParts)).toBe(false);
  });

  it("refuses references to parts a body does not have, and a BigInt that is not one", () => {
    for (const text of ['["$Q1"]', '[{"a":["$@1"]}]', '["$1"]', '["$"]', '["$nabc"]', `["$n${"9".repeat(301)}"]`])
      expect(isArgumentList(text, noParts), text).toBe(false);
    expect(isArgumentList('["$Q1"]', (f) => f === "1")).toBe(true);
    expect(isArgumentList('["$1a"]', (f) => f === "26")).toBe(true);
  });
});

describe("actionArgumentsRefusal", () => {
  const call = (body: BodyInit, headers: Record<string, string> = { "next-action": "00ab", "content-type": "text/plain;charset=UTF-8" }) =>
    actionArgumentsRefusal(new Request("http://shop.test/cart", { method: "POST", headers, body }));

  it("refuses a JavaScript call whose body is not an argument list with a 400", async () => {
    const refusal = await call("false");
    expect(refusal?.status).toBe(400);
    expect(refusal?.toJSON()).toEqual({ error: { code: "BAD_REQUEST", message: "Server action arguments must be a JSON array" } });
    expect(await call('[{"productId":"p"}]')).toBeNull();
  });

  it("checks field 0 of a multipart call and lets its references name its other fields", async () => {
    const form = (fields: [string, string][]) => fields.reduce((f, [k, v]) => (f.append(k, v), f), new FormData());
    expect(await call(form([["0", '["$K1"]'], ["_1_email", "a@b.c"]]), { "next-action": "00ab" })).toBeNull();
    expect(await call(form([["0", '[null,"$Q2"]'], ["2", "[]"]]), { "next-action": "00ab" })).toBeNull();
    expect((await call(form([["0", "7"]]), { "next-action": "00ab" }))?.status).toBe(400);
    expect((await call(form([["_1_email", "a@b.c"]]), { "next-action": "00ab" }))?.status).toBe(400);
    expect((await call(form([["0", '["$Q0"]']]), { "next-action": "00ab" }))?.status).toBe(400);
  });

  it("refuses a body over Next's action limit with a 413, declared or not", async () => {
    expect((await call("[]", { "next-action": "00ab", "content-length": String(2 * 1024 * 1024) }))?.status).toBe(413);
    expect((await call(`["${"x".repeat(1024 * 1024)}"]`))?.status).toBe(413);
  });

  it("leaves form posts without JavaScript and other requests to Next", async () => {
    const noJs = new FormData();
    noJs.append("$ACTION_ID_00ab", "");
    expect(await call(noJs, {})).toBeNull();
    expect(await call("{", { "content-type": "text/plain" })).toBeNull();
  });
});
