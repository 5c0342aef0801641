// Cached pages with per-viewer islands: two signed-in users open the same product page, served from the
// page micro-cache, and each sees their own name, menu and cart count; the HTML itself names nobody. The
// admin and the seller of the demo seed: no other journey uses their carts.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { closeE2eDb, createE2eProduct } from "./support/db";

test.afterAll(closeE2eDb);

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill("Hurryup!2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  return page;
}

test("two signed-in users on one cached page each see their own menu and cart", async ({ browser }) => {
  const product = await createE2eProduct({ name: "E2E 캐시 텀블러", price: 21_000, units: 50 });
  const path = `/products/${product.id}`;
  const admin = await signedInPage(browser, "admin@hurryup.dev");
  const seller = await signedInPage(browser, "seller@hurryup.dev");

  const first = await admin.goto(path);
  const second = await seller.goto(path);
  // The second view, moments after the first, is the micro-cache's copy of the same page.
  expect(["HIT", "STALE"]).toContain(second!.headers()["x-page-cache"]);
  for (const res of [first!, second!]) {
    const html = await res.text();
    expect(html).toContain("E2E 캐시 텀블러");
    expect(html).not.toContain("운영자");
    expect(html).not.toContain("김판매");
  }

  await expect(admin.getByTestId("user-menu")).toContainText("운영자");
  await expect(seller.getByTestId("user-menu")).toContainText("김판매");
  await seller.getByTestId("user-menu").locator("summary").click();
  await expect(seller.getByRole("link", { name: "판매자 센터" })).toBeVisible();
  await expect(seller.getByRole("link", { name: "관리자" })).toHaveCount(0);
  await admin.getByTestId("user-menu").locator("summary").click();
  await expect(admin.getByRole("link", { name: "관리자" })).toBeVisible();

  // The admin's cart badge counts their own lines, and follows an add without a reload.
  const count = admin.getByTestId("cart-count");
  await expect(count).toHaveText(/^\d+$/);
  const before = Number(await count.textContent());
  await admin.getByRole("button", { name: "장바구니 담기" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "장바구니에 담았어요" })).toBeVisible();
  await expect(count).toHaveText(String(before + 1));
  await admin.reload();
  await expect(admin.getByTestId("cart-count")).toHaveText(String(before + 1));

  // A guest on the same page gets the sign-in links.
  const guest = await (await browser.newContext({ locale: "ko-KR" })).newPage();
  await guest.goto(path);
  await expect(guest.getByRole("link", { name: "로그인" })).toBeVisible();
  await expect(guest.getByTestId("user-menu")).toHaveCount(0);
  await expect(guest.getByTestId("cart-count")).toHaveText("0");

  for (const p of [admin, seller, guest]) await p.context().close();
});
