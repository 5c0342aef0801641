// Server actions pass the routes' Origin policy (proxy.ts), through the production server on the production
// build: a foreign Origin, `Origin: null` and no Origin with a foreign Referer are refused with the routes'
// 403 body, with JavaScript (the Next-Action header) or without (a form post); the shop's own origin goes
// through, and the add-to-cart action then gives a guest a cart cookie only for an add that succeeded.
// The action's id comes from the build's manifest, as the shop's pages get it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUEST_CART_COOKIE } from "@/lib/cart/guest-token";
import { createProduct } from "@/test/factories";
import { actionId, startProductionServer, type ProductionServer } from "@/test/production-server";

let server: ProductionServer;
let addToCart: string;
beforeAll(async () => {
  server = await startProductionServer();
  addToCart = actionId("lib/cart/actions.ts", "addToCartAction");
});
afterAll(() => server?.stop());

/** Calls addToCartAction as the shop's JavaScript does (React's encoded arguments, on the page's path). */
const callAction = (headers: Record<string, string>, args: unknown[]) =>
  fetch(`${server.base}/`, {
    method: "POST",
    headers: { "next-action": addToCart, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
    body: JSON.stringify(args),
    redirect: "manual",
  });

const refusal = { error: { code: "FORBIDDEN", message: "Cross-origin or origin-less request refused" } };

describe("server actions and the Origin policy", () => {
  it("refuses a foreign Origin, Origin: null and a foreign Referer without Origin with the routes' 403", async () => {
    const product = await createProduct();
    const args = [{ productId: product.id, quantity: 1 }];
    const cases: Record<string, string>[] = [{ origin: "http://evil.example" }, { origin: "null" }, { referer: "http://evil.example/products" }, {}];
    for (const headers of cases) {
      const res = await callAction(headers, args);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toEqual(refusal);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("refuses a cross-site form post (no JavaScript) the same way", async () => {
    const form = new FormData();
    form.set(`$ACTION_ID_${addToCart}`, "");
    const res = await fetch(`${server.base}/`, { method: "POST", headers: { origin: "http://evil.example" }, body: form, redirect: "manual" });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(refusal);
  });

  it("runs the action from the shop's own origin; a guest's cart cookie comes only with an add that succeeded", async () => {
    const soldOut = await createProduct({ units: 0 });
    const refused = await callAction({ origin: server.base }, [{ productId: soldOut.id, quantity: 1 }]);
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("SOLD_OUT");
    expect(refused.headers.get("set-cookie") ?? "").not.toContain(`${GUEST_CART_COOKIE}=`);

    const product = await createProduct();
    const added = await callAction({ origin: server.base }, [{ productId: product.id, quantity: 1 }]);
    expect(added.status).toBe(200);
    expect(added.headers.get("set-cookie")).toMatch(new RegExp(`${GUEST_CART_COOKIE}=[A-Za-z0-9_-]{43}`));
  });
});
