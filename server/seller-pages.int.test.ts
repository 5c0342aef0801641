// The seller area's pages of one product or order on the production server (server/index.ts on the
// production build): the seller's own answer 200; another seller's product, a missing one and a missing
// order are the page's 404 (lib/seller/page-scope.ts, orNotFound), never a 500. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionCookie } from "@/lib/auth/session";
import { createProduct, createSeller } from "@/test/factories";
import { cookieHeader } from "@/test/http";
import { startProductionServer, type ProductionServer } from "@/test/production-server";

let server: ProductionServer | undefined;

afterAll(async () => {
  await server?.stop();
});

describe("a seller's product and order pages", () => {
  let cookie = "";
  let own = "";
  let others = "";

  beforeAll(async () => {
    const seller = await createSeller();
    cookie = cookieHeader(await mintSessionCookie(seller.userId));
    own = (await createProduct({ sellerId: seller.id, type: "LIMITED", units: 3, perBuyerLimit: 1 })).id;
    others = (await createProduct({ sellerId: (await createSeller()).id, type: "LIMITED", units: 3, perBuyerLimit: 1 })).id;
    server = await startProductionServer();
  });

  const status = async (path: string) => (await fetch(`${server!.base}${path}`, { headers: { cookie }, redirect: "manual" })).status;

  it("answers the seller's own product 200, and another seller's, a missing product or order 404", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const tail of ["", "/monitor", "/orders"]) {
      expect(await status(`/seller/products/${own}${tail}`), `own ${tail}`).toBe(200);
      expect(await status(`/seller/products/${others}${tail}`), `another seller's ${tail}`).toBe(404);
      expect(await status(`/seller/products/${missing}${tail}`), `missing ${tail}`).toBe(404);
    }
    expect(await status("/seller/orders/HU-nosuchorder0000")).toBe(404);
  });
});
