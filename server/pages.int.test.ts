// The cached shop pages against the production server (server/index.ts on the production build, PostgreSQL
// queries counted with PG_QUERY_METRICS): once warm, a page view costs PostgreSQL nothing — neither one
// served by the page micro-cache nor a Next render of a new key (the catalog comes from Next's data cache)
// — and a seller's edit shows on the very next view. Needs `npm run build` first (scripts/test.sh builds
// before it runs the tests).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionCookie } from "@/lib/auth/session";
import { createProduct, createSeller } from "@/test/factories";
import { cookieHeader } from "@/test/http";
import { startProductionServer, type ProductionServer } from "@/test/production-server";

let server: ProductionServer | undefined;
let base = "";

async function pgQueries(): Promise<number> {
  const text = await (await fetch(`${base}/api/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith("hurryup_pg_queries_total "));
  if (!line) throw new Error("no hurryup_pg_queries_total in /api/metrics");
  return Number(line.split(" ")[1]);
}

async function view(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, cache: res.headers.get("x-page-cache"), html: await res.text() };
}

// Needs the production build (`npm test` builds first); without one, startProductionServer fails saying so.
describe("cached shop pages on the production server", () => {
  let product: Awaited<ReturnType<typeof createProduct>>;
  let sellerCookie: string;

  beforeAll(async () => {
    const seller = await createSeller();
    sellerCookie = cookieHeader(await mintSessionCookie(seller.userId));
    product = await createProduct({ sellerId: seller.id, name: `캐시 머그컵 ${Date.now()}` });
    server = await startProductionServer({ PG_QUERY_METRICS: "1", PAGE_CACHE_TTL_MS: "1000",
      // No time-based refresh of the catalog while the test counts (a slow machine may take longer than 10 s),
      // and the micro-cache's copy kept as STALE for as long: its default 10 s after the second of freshness
      // can pass between the first view and the HIT loop on a slow machine, and the view is then a MISS.
      CATALOG_REVALIDATE_SECONDS: "3600", PAGE_CACHE_STALE_MS: "600000" });
    base = server.base;
  });

  afterAll(() => server?.stop());

  it("serves the catalog and a product page without a PostgreSQL query once warm", async () => {
    const productPath = `/products/${product.id}`;
    expect((await view(productPath)).html).toContain(product.name);
    expect((await view("/")).html).toContain(product.name);
    // The metrics scrape itself queries PostgreSQL: measure what one costs, with nothing else between.
    const before = await pgQueries();
    const scrape = (await pgQueries()) - before;
    const start = before + scrape;

    for (let i = 0; i < 10; i++) {
      // A new query string is a new page key: a Next render, its catalog from Next's data cache.
      const rendered = await view(`${productPath}?v=${i}`);
      expect(rendered).toMatchObject({ status: 200, cache: "MISS" });
      expect(rendered.html).toContain(product.name);
      expect((await view(`/?v=${i}`)).cache).toBe("MISS");
    }
    // The same key again, signed in or not: the micro-cache's copy (per-viewer parts are islands).
    const cookie = { cookie: sellerCookie };
    for (let i = 0; i < 10; i++) expect(["HIT", "STALE"]).toContain((await view(productPath, i % 2 ? cookie : {})).cache);
    expect(await pgQueries()).toBe(start + scrape);
  });

  it("shows a seller's edit on the next view", async () => {
    const productPath = `/products/${product.id}`;
    expect((await view(productPath)).html).toContain(product.name);
    const name = `새 이름 ${Date.now()}`;
    const res = await fetch(`${base}/api/seller/products/${product.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", cookie: sellerCookie, origin: base },
      body: JSON.stringify({ name, price: 12_300 }),
    });
    expect(res.status).toBe(200);
    const page = await view(productPath);
    expect(page.html).toContain(name);
    expect(page.html).toContain("₩12,300");
    expect((await view("/")).html).toContain(name);
  });
});
