// The security headers in a real browser: the headers on a cached page, a rendered page, an API answer and a
// 404; then the journeys that load the most under the policy — a drop bought from its cached product page
// and paid through the payment window, and a waiting room whose proof of work solves in blob: workers —
// with every Content-Security-Policy violation collected (e2e/support/csp.ts): any one fails the test, also
// mid-journey, since the page's own checks then fail too.
import { randomUUID } from "node:crypto";
import { expect, type APIResponse, type Response } from "@playwright/test";
import { signIn } from "./support/auth";
import { test } from "./support/csp";
import { closeE2eDb, createE2eProduct } from "./support/db";
import { payOrder } from "./support/pay";

test.afterAll(closeE2eDb);

function headersOf(res: Response | APIResponse) {
  const h = res.headers();
  return { csp: h["content-security-policy"] ?? "", all: h };
}

function expectCommonHeaders(res: Response | APIResponse) {
  const { csp, all } = headersOf(res);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(all["x-content-type-options"]).toBe("nosniff");
  expect(all["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(all["permissions-policy"]).toContain("camera=()");
  // Served over http here: no HSTS (server/security-headers.int.test.ts covers https through a trusted proxy).
  expect(all["strict-transport-security"]).toBeUndefined();
}

const scriptSrc = (csp: string) => /(?:^|;\s*)script-src ([^;]*)/.exec(csp)?.[1].split(" ") ?? [];

test("headers on every kind of response; buying and paying a drop raise no policy violation", async ({ page, policyWatch }) => {
  const name = `E2E 보안 헤더 한정판 ${randomUUID().slice(0, 4)}`;
  const drop = await createE2eProduct({ name, price: 59_000, units: 3, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() - 60_000) });

  // A rendered page: a nonce, never inline scripts at large.
  const signin = await page.goto("/signin");
  expectCommonHeaders(signin!);
  expect(scriptSrc(headersOf(signin!).csp)).toEqual(expect.arrayContaining(["'self'", expect.stringMatching(/^'nonce-/)]));
  expect(headersOf(signin!).csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  await signIn(page, "buyer1@hurryup.dev");

  // The cached product page: the hashes of its inline scripts, and the browser runs them (the buy button works).
  const product = await page.goto(`/products/${drop.id}`);
  expectCommonHeaders(product!);
  expect(product!.headers()["x-page-cache"]).toMatch(/^(MISS|HIT|STALE)$/);
  const sources = scriptSrc(headersOf(product!).csp);
  expect(sources.some((s) => s.startsWith("'sha256-"))).toBe(true);
  expect(sources.some((s) => s.startsWith("'nonce-"))).toBe(false);

  await page.getByTestId("buy-button").click();
  await expect(page).toHaveURL(/\/orders\/HU-/);
  const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByText(name)).toBeVisible();
  await payOrder(page, orderId);

  // An API answer (the fast path's live stock) and a 404 page.
  const stock = await page.request.get(`/api/products/${drop.id}/stock`);
  expect(stock.status()).toBe(200);
  expectCommonHeaders(stock);
  expect(headersOf(stock).csp).toContain("default-src 'none'");
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  expectCommonHeaders(missing!);

  // Nothing blocked so far (the fixture checks once more after the journey).
  expect(policyWatch.violations).toEqual([]);
});

test("a waiting room's proof of work solves and lets the buyer in under the policy", async ({ page, policyWatch }) => {
  const drop = await createE2eProduct({ name: `E2E 보안 대기실 ${randomUUID().slice(0, 4)}`, price: 99_000, units: 1, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 10 * 60_000), waitingRoom: true, admissionRate: 1 });
  await signIn(page, "buyer2@hurryup.dev");
  await page.goto(`/products/${drop.id}`);
  const room = page.getByTestId("waiting-room");
  await expect(room).toHaveAttribute("data-state", "outside");
  await expect(page.getByTestId("room-enter")).toHaveText("대기실 입장"); // solved in blob: workers
  await page.getByTestId("room-enter").click();
  await expect(room).toHaveAttribute("data-state", "prequeue");

  // Nothing blocked so far (the fixture checks once more after the journey).
  expect(policyWatch.violations).toEqual([]);
});
