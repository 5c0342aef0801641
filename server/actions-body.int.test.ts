// A server action call whose body cannot be an argument list is a 400 in the shop's error shape, and one
// over Next's 1 MB action limit a 413 (proxy.ts, lib/action-request.ts), not the 500 of Next's action
// handler; real calls still run: a JSON argument list and a multipart one from Next's client, and the form
// post without JavaScript. Request headers over Node's limit are a 431 the client reads (server/oversized.ts),
// not a reset, and a path whose escapes are not UTF-8 a 400 (server/fast-path.ts); a route's chunked body
// past its cap is a 413, not a 500. Through the production server on the production build, with the actions' real ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_BYTES } from "@/lib/body";
import { GUEST_CART_COOKIE } from "@/lib/cart/guest-token";
import { localeCookie } from "@/lib/i18n/config";
import { createProduct } from "@/test/factories";
import { actionId, startProductionServer, type ProductionServer } from "@/test/production-server";

let server: ProductionServer;
let ids: { addToCart: string; dismissMergeNotice: string; signIn: string; setLocale: string };
beforeAll(async () => {
  server = await startProductionServer();
  ids = {
    addToCart: actionId("lib/cart/actions.ts", "addToCartAction"),
    dismissMergeNotice: actionId("lib/cart/actions.ts", "dismissMergeNoticeAction"),
    signIn: actionId("lib/accounts/actions.ts", "signInAction"),
    setLocale: actionId("lib/i18n/actions.ts", "setLocaleAction"),
  };
});
afterAll(() => server?.stop());

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { method: "POST", headers: { origin: server.base, ...headers }, body, redirect: "manual" });
/**
 * As Next's client calls an action with JavaScript; a string body goes as text, FormData as multipart (React
 * writes a FormData argument's fields as "_1_<name>" before the argument list in "0", and reads them in order).
 */
const callAction = (id: string, body: string | FormData, path = "/") =>
  post(path, body, { "next-action": id, accept: "text/x-component", ...(typeof body === "string" && { "content-type": "text/plain;charset=UTF-8" }) });
const formOf = (fields: [string, string][]) => fields.reduce((f, [k, v]) => (f.append(k, v), f), new FormData());

const refusal = { error: { code: "BAD_REQUEST", message: "Server action arguments must be a JSON array" } };

describe("server action bodies", () => {
  it("refuses a body that is not JSON, not an array, or references a part it lacks with a 400", async () => {
    const bodies = ["{", "false", '"text"', "7", "null", '["$Q1"]', '["$nabc"]'];
    for (const [name, path] of [["dismissMergeNotice", "/cart"], ["signIn", "/signin"]] as const)
      for (const body of bodies) {
        const res = await callAction(ids[name], body, path);
        expect(res.status, `${name} ${body}`).toBe(400);
        expect(await res.json()).toEqual(refusal);
      }
    const multipart = await callAction(ids.signIn, formOf([["0", "5"], ["_1_email", "a@b.c"]]), "/signin");
    expect(multipart.status).toBe(400);
    expect(await multipart.json()).toEqual(refusal);
  });

  it("refuses a body over Next's action limit with a 413", async () => {
    const res = await callAction(ids.signIn, JSON.stringify(["x".repeat(1024 * 1024)]), "/signin");
    expect(res.status).toBe(413);
    // The connection ends after the 413 (server/oversized.ts): the answer says so, or the client would send
    // its next request on a connection about to close (found by the fuzz suite: "other side closed").
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "Body too large" } });
    const next = await callAction(ids.signIn, "{", "/signin");
    expect(next.status).toBe(400);
  });

  it("answers request headers over Node's limit with a 431 the client gets to read, body or not", async () => {
    const long = `/cart?q=${"%EA%B0%80".repeat(5000)}`;
    expect((await fetch(`${server.base}${long}`)).status).toBe(431);
    expect((await callAction(ids.dismissMergeNotice, "[]", long)).status).toBe(431);
  });

  it("refuses a path whose escapes are not UTF-8 with a 400, page, route or action (Next answered a 500)", async () => {
    for (const res of [await fetch(`${server.base}/products/%ED%A0%80`), await fetch(`${server.base}/api/orders/%ED%BF%BF`), await callAction(ids.dismissMergeNotice, "[]", "/products/%ED%A0%80")]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: "Malformed URL path" } });
    }
  });

  it("runs a JSON argument list: add to cart gives a guest its cart cookie", async () => {
    const product = await createProduct();
    const res = await callAction(ids.addToCart, JSON.stringify([{ productId: product.id, quantity: 1 }]));
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`${GUEST_CART_COOKIE}=[A-Za-z0-9_-]{43}`));
  });

  it("runs a multipart call from Next's client and a form post without JavaScript: the language switch", async () => {
    const withJs = await callAction(ids.setLocale, formOf([["_1_locale", "en"], ["0", '["$K1"]']]));
    expect(withJs.status).toBe(200);
    expect(withJs.headers.get("set-cookie")).toContain(`${localeCookie}=en`);

    const noJs = await post("/", formOf([[`$ACTION_ID_${ids.setLocale}`, ""], ["locale", "en"]]));
    expect(noJs.status).toBeLessThan(400);
    expect(noJs.headers.get("set-cookie")).toContain(`${localeCookie}=en`);
  });
});

describe("route bodies over their cap", () => {
  it("answers a chunked JSON body past the 64 kB cap with a 413 and `connection: close`, not a 500", async () => {
    // No Content-Length: readJson counts the body as it arrives and cancels it at the cap (lib/body.ts),
    // which destroys the request before the 413 is written (server/oversized.ts closes the answer's socket).
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new TextEncoder().encode('{"productId":"x","pad":"')),
      pull(c) {
        if (sent > 2 * MAX_JSON_BYTES) {
          c.enqueue(new TextEncoder().encode('"}'));
          return c.close();
        }
        sent += 16 * 1024;
        c.enqueue(new Uint8Array(16 * 1024).fill(0x61));
      },
    });
    const res = await fetch(`${server.base}/api/cart/items`, {
      method: "POST", body, duplex: "half", headers: { origin: server.base, "content-type": "application/json" },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: "Body too large" } });
  });
});
