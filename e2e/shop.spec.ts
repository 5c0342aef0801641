// The storefront: browse and page, search, filter, a product page, a drop whose countdown reaches zero and
// unlocks the buy button (against the server's clock, with the browser's clock set an hour wrong; the
// journey says when it opens), sold-out and ended drops, and the language switch. Screenshots of home and
// a product page are kept.
import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { closeE2eDb, createE2eProduct, productIdByName } from "./support/db";
import { scheduleOpening } from "./support/hooks";

test.afterAll(closeE2eDb);

const cards = (page: import("@playwright/test").Page) => page.getByTestId("product-card");


/** Chooses a size the way a keyboard user does (the radio itself is visually hidden behind its label). */
async function pickSize(page: Page, size: string) {
  const radio = page.getByRole("radio", { name: new RegExp(`^${size}`) });
  await radio.focus();
  await page.keyboard.press("Space");
  await expect(radio).toBeChecked();
}

test("browse the catalog page by page and keep a screenshot of home", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "전체 상품" })).toBeVisible();
  await expect(cards(page)).toHaveCount(12);
  await expect(page.getByTestId("page-indicator")).toHaveText(/^1 \/ \d+ 페이지$/);
  await page.screenshot({ path: "e2e/artifacts/home.png", fullPage: true });
  // Catalog pages are cached for a few seconds each (docs/shop.md) and other journeys add products: pages
  // that no journey opened before are rendered now, together, so page 2 continues page 1.
  await page.goto("/?sort=newest");
  const firstPage = await cards(page).getByRole("heading").allTextContents();

  await page.getByRole("link", { name: "다음" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByTestId("page-indicator")).toHaveText(/^2 \/ \d+ 페이지$/);
  const secondPage = await cards(page).getByRole("heading").allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
  await page.getByRole("link", { name: "이전" }).click();
  await expect(page.getByTestId("page-indicator")).toHaveText(/^1 \/ \d+ 페이지$/);
});

test("search by name from the header", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "상품 검색" }).fill("러너");
  await page.getByRole("button", { name: "검색" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page)).toContainText("오로라 러너 한정판");
  await page.getByRole("searchbox", { name: "상품 검색" }).fill("존재하지않는상품");
  await page.getByRole("searchbox", { name: "상품 검색" }).press("Enter");
  await expect(page.getByText("조건에 맞는 상품이 없어요.")).toBeVisible();
});

test("an upcoming drop's card says when it opens (Korean time), and how soon once within the hour", async ({ page }) => {
  const name = `E2E 곧 오픈 ${randomUUID().slice(0, 8)}`;
  const opensAt = new Date(Date.now() + 30 * 60_000);
  opensAt.setUTCSeconds(0, 0);
  await createE2eProduct({ name, price: 39_000, units: 5, perBuyerLimit: 1, saleStartsAt: opensAt });
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  const card = cards(page).filter({ hasText: name });
  const kst = new Date(opensAt.getTime() + 9 * 3_600_000);
  const [h, m] = [kst.getUTCHours(), kst.getUTCMinutes()];
  const time = `${h < 12 ? "오전" : "오후"} ${h % 12 || 12}:${String(m).padStart(2, "0")}`;
  await expect(card.getByTestId("card-opens")).toContainText(`오픈 ${kst.getUTCFullYear()}. ${kst.getUTCMonth() + 1}. ${kst.getUTCDate()}. ${time}`);
  await expect(card.locator("time")).toHaveAttribute("datetime", opensAt.toISOString());
  await expect(card.getByTestId("card-opens-soon")).toHaveText(/·\s*\d+분 후 오픈$/);
});

test("filter by category, availability, type and sort by price", async ({ page }) => {
  // The seed's upcoming drop opens minutes after seeding; the journey makes it upcoming from its own start.
  await scheduleOpening(page.request, await productIdByName("미드나잇 하이탑"), 3600);
  await page.goto("/");
  const filters = page.getByRole("form", { name: "필터" });
  await filters.getByLabel("카테고리").selectOption({ label: "테크" });
  await filters.getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/category=tech/);
  await expect(cards(page)).toHaveCount(6);
  await expect(cards(page).filter({ hasText: "포터블 블루투스 스피커" })).toHaveCount(1);

  await page.getByRole("form", { name: "필터" }).getByLabel("구매 가능한 상품만").check();
  await page.getByRole("form", { name: "필터" }).getByLabel("정렬").selectOption("price_asc");
  await page.getByRole("form", { name: "필터" }).getByRole("button", { name: "적용" }).click();
  await expect(page).toHaveURL(/available=1/);
  await expect(cards(page)).toHaveCount(5);
  await expect(cards(page).filter({ hasText: "포터블 블루투스 스피커" })).toHaveCount(0); // none in stock
  const prices = (await page.getByTestId("card-price").allTextContents()).map((p) => Number(p.replace(/\D/g, "")));
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  // The type filter keeps the seed's drops and leaves the regular products out. Other journeys add limited
  // products of their own (newest first, so the seed's can be past the first page): each is looked for by
  // name within the filter.
  const limited = (name: string) => page.goto(`/?type=LIMITED&q=${encodeURIComponent(name)}`);
  for (const name of ["오로라 러너 한정판", "미드나잇 하이탑", "체리 블라썸 로우", "윈터 파카 2025 에디션"]) {
    await limited(name);
    await expect(cards(page).filter({ hasText: name })).toHaveCount(1);
  }
  await limited("클래식 캔버스 스니커즈");
  await expect(cards(page)).toHaveCount(0);
  await page.goto(`/?q=${encodeURIComponent("클래식 캔버스 스니커즈")}`);
  await expect(cards(page).filter({ hasText: "클래식 캔버스 스니커즈" })).toHaveCount(1); // it exists: the filter left it out
  await limited("체리 블라썸 로우");
  await expect(cards(page).filter({ hasText: "체리 블라썸 로우" }).getByTestId("badge-sold_out")).toBeVisible();
  await limited("미드나잇 하이탑");
  await expect(cards(page).filter({ hasText: "미드나잇 하이탑" }).getByTestId("badge-upcoming")).toBeVisible();
});

test("open a product: gallery, price, live remaining units; keep a screenshot", async ({ page }) => {
  await page.goto("/?q=오로라");
  await cards(page).first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "오로라 러너 한정판" })).toBeVisible();
  await expect(page.getByTestId("product-price")).toHaveText("₩189,000");
  await expect(page.getByTestId("product-category")).toHaveText("스니커즈");
  await expect(page.getByTestId("remaining")).toHaveText(/\d+ \/ 100개 남음/);
  await expect(page.getByText("1인당 최대 2개")).toBeVisible();
  // A sneaker drop has sizes (docs/variants.md): the button waits for one.
  await expect(page.getByTestId("buy-button")).toBeDisabled();
  await pickSize(page, "230");
  await expect(page.getByTestId("buy-button")).toBeEnabled();
  await expect(page.getByTestId("buy-button")).toHaveText("구매하기");

  const main = page.getByTestId("gallery-main");
  await expect(main).toHaveAttribute("src", /drop-aurora-runner-1\.svg/);
  const third = page.getByRole("button", { name: "이미지 3 보기" });
  await third.focus();
  await page.keyboard.press("Enter");
  await expect(third).toHaveAttribute("aria-pressed", "true");
  await expect(main).toHaveAttribute("src", /drop-aurora-runner-3\.svg/);
  await page.screenshot({ path: "e2e/artifacts/product.png", fullPage: true });
});

test("a countdown by the server's clock reaches zero and unlocks the buy button without a reload", async ({ page }) => {
  // The drop opens in an hour; its stock is loaded into Redis on demand by the app.
  const drop = await createE2eProduct({ name: `E2E 카운트다운 ${randomUUID().slice(0, 4)}`, price: 99_000, units: 10, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 3_600_000) });
  // The browser's clock is an hour behind: a countdown by the local clock would show about 02:00:00.
  await page.clock.setSystemTime(new Date(Date.now() - 3_600_000));
  await page.goto(`/products/${drop.id}`);
  const button = page.getByTestId("buy-button");
  const countdown = page.getByTestId("countdown");
  await expect(countdown).toHaveText(/^00:[0-5]\d:\d\d$/);
  await expect(button).toBeDisabled();
  await expect(button).toHaveText("아직 오픈 전이에요");
  await expect(page.getByTestId("drop-panel")).toHaveAttribute("data-state", "upcoming");

  // Now the drop opens five seconds from now by the server's clock; the page learns it from its live
  // stock and unlocks when its countdown reaches zero.
  await scheduleOpening(page.request, drop.id, 5);
  await expect(button).toBeEnabled();
  await expect(button).toHaveText("구매하기");
  await expect(countdown).toHaveCount(0);
  await expect(page.getByTestId("drop-panel")).toHaveAttribute("data-state", "open");
});

test("buying a drop: a guest is sent to sign in and back; the buyer's order opens", async ({ page }) => {
  await page.goto("/?q=오로라");
  await cards(page).first().getByRole("link").first().click();
  // The click starts a client-side navigation: read the path only once it has reached the product.
  await page.waitForURL(/\/products\/[0-9a-f-]+$/);
  const productPath = new URL(page.url()).pathname;
  await pickSize(page, "230");
  await page.getByTestId("buy-button").click();
  await page.waitForURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === productPath, { waitUntil: "commit" });
  await page.getByLabel("이메일").fill("buyer3@hurryup.dev");
  await page.getByLabel("비밀번호").fill("Hurryup!2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => url.pathname === productPath, { waitUntil: "commit" });
  await pickSize(page, "230");
  await page.getByTestId("buy-button").click();
  await page.waitForURL(/\/orders\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("order-amount")).toHaveText("₩189,000");
});

test("sold-out and ended drops are obvious and cannot be bought", async ({ page }) => {
  await page.goto("/?q=체리");
  await cards(page).first().getByRole("link").first().click();
  await expect(page.getByTestId("badge-sold_out")).toHaveText("품절");
  await expect(page.getByTestId("buy-button")).toBeDisabled();
  await expect(page.getByTestId("buy-button")).toHaveText("모두 판매되었어요");

  await page.goto("/?q=파카");
  await cards(page).first().getByRole("link").first().click();
  await expect(page.getByTestId("badge-ended")).toHaveText("판매 종료");
  await expect(page.getByTestId("buy-button")).toHaveText("판매가 종료되었어요");
  await expect(page.getByTestId("buy-button")).toBeDisabled();
});

test("the language switch turns the shop to English and back, by keyboard", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "All products" })).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.getByRole("heading", { name: "All products" })).toBeVisible();
  await page.getByRole("button", { name: "한국어" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "전체 상품" })).toBeVisible();
});

test("unknown products get the shop's 404 page", async ({ page }) => {
  const res = await page.goto(`/products/${randomUUID()}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "페이지를 찾을 수 없어요" })).toBeVisible();
  await expect(page.getByRole("link", { name: "홈으로" })).toBeVisible();
  expect((await page.goto("/products/not-a-uuid"))?.status()).toBe(404);
});
