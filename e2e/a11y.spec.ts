// Every page as a guest, a buyer, a seller and an admin, in Korean and in English: no serious or critical axe
// violation (WCAG 2.1 A/AA), and the page speaks its own language — no Hangul in English pages, no English
// UI words or "7d"-style units in Korean ones, no raw codes (PAID, PENDING_PAYMENT) or message keys in either
// (user-written text aside: e2e/support/audit.ts). The console watch of every journey (./support/test)
// catches hydration errors on each page. Then the keyboard: the skip links, and a buyer's way from the
// catalog to the cart and the user menu's orders without a mouse.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { axeProblems, formProblems, languageProblems, type Lang } from "./support/audit";
import { signIn } from "./support/auth";
import { closeE2eDb, createE2eAdminRecords, createE2eProduct, userWrittenStrings } from "./support/db";
import { takeStep } from "./support/hooks";
import { payOrder } from "./support/pay";
import { expect, test } from "./support/test";

const origin = () => `http://localhost:${process.env.E2E_PORT ?? 3100}`;
type Fixture = { normal: string; upcoming: string; orderId: string };
let fx: Fixture;

test.afterAll(closeE2eDb);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const normal = await createE2eProduct({ name: "E2E 접근성 머그컵", price: 15_000, units: 100 });
  // Opens in 30 minutes: the catalog card shows its time and a short countdown.
  const upcoming = await createE2eProduct({ name: "E2E 접근성 한정판", price: 99_000, units: 5, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 30 * 60_000) });
  // A paid and shipped order of buyer1: the timeline has coded notes (hold, confirming, paid, shipped).
  const context = await browser.newContext({ baseURL: origin(), locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  await signIn(page, "buyer1@hurryup.dev");
  const res = await page.request.post("/api/orders", {
    data: { source: "buy-now", items: [{ productId: normal.id, quantity: 1 }], shippingAddress: "서울특별시 강남구 테헤란로 1" },
    headers: { origin: origin(), "idempotency-key": crypto.randomUUID() },
  });
  expect(res.status(), await res.text()).toBe(201);
  const orderId = ((await res.json()) as { order: { id: string } }).order.id;
  await payOrder(page, orderId);
  await takeStep(page.request, orderId, "ship");
  await context.close();
  await createE2eAdminRecords(normal.id);
  fx = { normal: normal.id, upcoming: upcoming.id, orderId };
});

const pages: Record<"guest" | "buyer" | "seller" | "admin", (f: Fixture) => string[]> = {
  guest: (f) => ["/", "/?q=%EB%A8%B8%EA%B7%B8", `/products/${f.normal}`, `/products/${f.upcoming}`, "/cart", "/signin", "/signup", "/alerts/unsubscribe?token=none", "/no-such-page"],
  buyer: (f) => ["/", `/products/${f.normal}`, "/cart", "/wishlist", `/checkout?source=buy-now&productId=${f.normal}&quantity=1`, "/orders", `/orders/${f.orderId}`, "/account"],
  seller: (f) => [
    "/seller", "/seller/products", "/seller/products/new", `/seller/products/${f.normal}`, `/seller/products/${f.upcoming}/monitor`,
    `/seller/products/${f.normal}/orders`, "/seller/orders", `/seller/orders/${f.orderId}`, "/seller/sales", "/seller/sales?days=7",
  ],
  // The admin area, and the seller center as an admin sees it (acting for a seller picked from a list).
  admin: () => ["/admin", "/admin/dead-letters", "/admin/reconciliation", "/seller", "/seller/orders", "/account"],
};
const filled: Record<string, string> = { "/admin/dead-letters": "dead-letters", "/admin/reconciliation": "reconciliation-reports", "/admin": "admin-users" };
const accounts = { buyer: "buyer1@hurryup.dev", seller: "seller@hurryup.dev", admin: "admin@hurryup.dev" } as const;

async function contextAs(browser: Browser, role: keyof typeof pages, lang: Lang): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin(), locale: lang === "ko" ? "ko-KR" : "en-US", timezoneId: "Asia/Seoul" });
  if (role !== "guest") {
    const page = await context.newPage();
    await signIn(page, accounts[role]); // the sign-in page in Korean (the default), before the language is set
    await page.close();
  }
  await context.addCookies([{ name: "locale", value: lang, url: origin() }]);
  return context;
}

/** Loaded, hydrated and settled: the account corner knows who is looking. */
async function settle(page: Page) {
  await page.waitForLoadState("load");
  await expect(page.locator("html")).toHaveAttribute("lang", /^(ko|en)$/);
  await expect(page.getByTestId("user-menu-pending")).toHaveCount(0);
}

for (const lang of ["ko", "en"] as const) {
  for (const role of ["guest", "buyer", "seller", "admin"] as const) {
    test(`every ${role} page in ${lang}: no serious axe violation, no words of the other language, no raw codes`, async ({ browser }) => {
      test.setTimeout(600_000); // axe on ten pages of a busy two-core machine
      const context = await contextAs(browser, role, lang);
      const page = await context.newPage();
      const userStrings = await userWrittenStrings();
      const problems: string[] = [];
      for (const path of pages[role](fx)) {
        await page.goto(path);
        await settle(page);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        // The admin's lists are read filled (createE2eAdminRecords), not as empty states.
        if (filled[path]) await expect(page.getByTestId(filled[path])).toBeVisible();
        for (const p of await axeProblems(page)) problems.push(`${path} axe ${p}`);
        for (const p of await languageProblems(page, lang, userStrings)) problems.push(`${path} words ${p}`);
        for (const p of await formProblems(page)) problems.push(`${path} ${p}`);
      }
      await context.close();
      expect(problems, problems.join("\n")).toEqual([]);
    });
  }
}

test("the skip links lead past the header and the seller menu to the content", async ({ browser }) => {
  const context = await contextAs(browser, "seller", "ko");
  const page = await context.newPage();
  await page.goto("/");
  await settle(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "본문으로 건너뛰기" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#content")).toBeFocused();

  await page.goto("/seller/products");
  await settle(page);
  // Past the shop's header (its skip link, logo, search, menus), the seller area's own skip link comes before
  // any link of the seller menu.
  const menuSkip = page.getByRole("link", { name: "메뉴 건너뛰고 본문으로" });
  for (let i = 0; i < 25 && !(await menuSkip.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("nav[data-seller-menu]"))), "a seller menu link before the skip link").toBe(false);
  }
  await expect(menuSkip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#dashboard-content")).toBeFocused();
  await page.keyboard.press("Tab");
  // The next stop is the page's own first control, not the sidebar.
  await expect(page.locator("#dashboard-content a, #dashboard-content button, #dashboard-content select").first()).toBeFocused();
  await context.close();
});

test("a buyer reaches a product, the cart and the orders by keyboard alone", async ({ browser }) => {
  const context = await contextAs(browser, "buyer", "ko");
  const page = await context.newPage();
  await page.goto(`/?q=${encodeURIComponent("E2E 접근성 머그컵")}`);
  await settle(page);
  // Tab until the product's link has the focus, then open it.
  const link = page.getByRole("link", { name: /E2E 접근성 머그컵/ }).first();
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/products/${fx.normal}`);
  const add = page.getByRole("button", { name: "장바구니 담기" });
  await add.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "장바구니에 담았어요" })).toBeVisible();
  // The user menu opens from the keyboard and lists the orders and the wishlist.
  const menu = page.getByTestId("user-menu").locator("summary");
  await menu.focus();
  await page.keyboard.press("Enter");
  const orders = page.getByTestId("user-menu").getByRole("link", { name: "주문 내역" });
  await expect(page.getByTestId("user-menu").getByRole("link", { name: "위시리스트" })).toBeVisible();
  await orders.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL("**/orders");
  await expect(page.locator(`[data-order-id="${fx.orderId}"]`)).toBeVisible();
  await context.close();
});
