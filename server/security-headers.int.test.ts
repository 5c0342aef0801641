// The security headers through the real production server (server/index.ts on the production build):
// a page kept by the micro-cache (filled, then hit), a page Next renders per request, an API route, a
// fast-path answer, a 404 and a static file — and HSTS only when a trusted proxy says https. Needs
// `npm run build` first (scripts/test.sh builds before the tests); without a build it fails saying so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HSTS, NON_PAGE_POLICY, inlineScriptHashes } from "@/lib/security-headers";
import { createProduct, createSeller } from "@/test/factories";
import { startProductionServer, type ProductionServer } from "@/test/production-server";

let server: ProductionServer | undefined;
let product: Awaited<ReturnType<typeof createProduct>>;
const https = { "x-forwarded-proto": "https" };

beforeAll(async () => {
  const seller = await createSeller();
  product = await createProduct({ sellerId: seller.id, name: `보안 헤더 머그컵 ${Date.now()}` });
  // A long TTL: the second view of a page is a hit however slow the machine. TRUST_PROXY_HOPS: x-forwarded-proto
  // from the test stands for the shop's own TLS-terminating proxy.
  server = await startProductionServer({ PAGE_CACHE_TTL_MS: "60000", TRUST_PROXY_HOPS: "1" });
});

afterAll(() => server?.stop());

async function get(path: string, headers: Record<string, string> = {}, init: RequestInit = {}) {
  const res = await fetch(`${server!.base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) }, redirect: "manual" });
  return { res, body: await res.text() };
}

/** The headers every response carries. */
function expectCommon(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toContain("camera=()");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
}

const scriptSrc = (res: Response) => /(?:^|;\s*)script-src ([^;]*)/.exec(res.headers.get("content-security-policy") ?? "")?.[1].split(" ") ?? [];
const nonceAttrs = (html: string) => [...new Set([...html.matchAll(/<script\b[^>]*\snonce="([^"]+)"/g)].map((m) => m[1]))];

describe("security headers on the production server", () => {
  it("gives a cached page the hashes of its inline scripts, the same on the fill and on a hit, and HSTS per request", async () => {
    const path = `/products/${product.id}?headers=${Date.now()}`;
    const fill = await get(path);
    expect(fill.res.headers.get("x-page-cache")).toBe("MISS");
    const hit = await get(path, https);
    expect(hit.res.headers.get("x-page-cache")).toBe("HIT");
    expect(hit.body).toBe(fill.body);

    for (const { res, body } of [fill, hit]) {
      expectCommon(res);
      const sources = scriptSrc(res);
      expect(sources[0]).toBe("'self'");
      expect(sources.some((s) => s.startsWith("'nonce-") || s === "'unsafe-inline'")).toBe(false);
      const hashes = inlineScriptHashes(body);
      expect(hashes.length).toBeGreaterThan(0);
      expect(sources.slice(1).filter((s) => s.startsWith("'sha")).sort()).toEqual([...hashes].sort());
      expect(sources.filter((s) => !s.startsWith("'sha"))).toEqual(["'self'", "https://t1.daumcdn.net"]); // the postcode search's host, nothing else
    }
    // The nonce Next rendered the entry with is in its bytes, shared by every viewer: the policy must not honour it.
    for (const nonce of nonceAttrs(hit.body)) expect(hit.res.headers.get("content-security-policy")).not.toContain(nonce);
    expect(fill.res.headers.get("strict-transport-security")).toBeNull();
    expect(hit.res.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("gives a page Next renders per request a fresh nonce that its scripts carry", async () => {
    const first = await get("/signin");
    const second = await get("/signin", https);
    const nonces = [first, second].map(({ res, body }) => {
      expect(res.status).toBe(200);
      expect(res.headers.get("x-page-cache")).toBeNull();
      expectCommon(res);
      const sources = scriptSrc(res);
      const nonce = sources.find((s) => s.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
      expect(nonce).toBeTruthy();
      expect(sources).not.toContain("'unsafe-inline'");
      expect(nonceAttrs(body)).toEqual([nonce]);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(first.res.headers.get("strict-transport-security")).toBeNull();
    expect(second.res.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("gives an API route Next serves the policy of a non-page", async () => {
    const { res } = await get("/api/health", https);
    expect(res.status).toBe(200);
    expectCommon(res);
    expect(res.headers.get("content-security-policy")).toBe(NON_PAGE_POLICY);
    expect(res.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("gives the fast path's answers the same headers, errors included", async () => {
    const stock = await get(`/api/products/${product.id}/stock`, https);
    expect(stock.res.status).toBe(200);
    expect(JSON.parse(stock.body).stock).toHaveProperty("serverTime");
    const refused = await get("/api/orders", {}, { method: "POST", headers: { "content-type": "application/json", origin: server!.base }, body: "{}" });
    expect(refused.res.status).toBe(401);
    for (const { res } of [stock, refused]) {
      expectCommon(res);
      expect(res.headers.get("content-security-policy")).toBe(NON_PAGE_POLICY);
    }
    expect(stock.res.headers.get("strict-transport-security")).toBe(HSTS);
    expect(refused.res.headers.get("strict-transport-security")).toBeNull();
  });

  it("gives a 404 page and a static file the headers too", async () => {
    const missing = await get("/no-such-page-here");
    expect(missing.res.status).toBe(404);
    expectCommon(missing.res);
    expect(scriptSrc(missing.res).some((s) => s.startsWith("'nonce-"))).toBe(true);

    const chunk = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(missing.body)?.[1];
    expect(chunk).toBeTruthy();
    const file = await get(chunk!, https);
    expect(file.res.status).toBe(200);
    expectCommon(file.res);
    expect(file.res.headers.get("content-security-policy")).toBe(NON_PAGE_POLICY);
    expect(file.res.headers.get("strict-transport-security")).toBe(HSTS);
  });
});
