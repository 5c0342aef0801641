// Orders from end to end: a guest's cart merged on sign-in and checked out, the order seen and cancelled;
// a paid order shipped and delivered, returned, and the return completed (each time-based step taken when
// the journey says, through the test hooks); a wishlisted product ordered straight from the wishlist.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { closeE2eDb, createE2eProduct } from "./support/db";
import { takeStep } from "./support/hooks";
import { payOrder } from "./support/pay";

const BUYER = { email: "buyer1@hurryup.dev", password: "Hurryup!2026", address: "서울특별시 강남구 테헤란로 1" };

async function signIn(page: Page, callbackUrl: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("이메일").fill(BUYER.email);
  await page.getByLabel("비밀번호").fill(BUYER.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => url.pathname + url.search === callbackUrl);
}

/** The JSON API from inside the browser's context (its cookies); state changes need the Origin header. */
async function apiPost(request: APIRequestContext, baseURL: string, path: string, data: unknown) {
  const res = await request.post(path, { data, headers: { origin: baseURL } });
  expect(res.status(), `${path} → ${await res.text()}`).toBeLessThan(300);
}

async function placeOrderFromCheckout(page: Page, expectedTotal: string) {
  await expect(page.getByTestId("checkout-total")).toHaveText(expectedTotal);
  // The address book's default entry (the seed's) is preselected.
  await expect(page.getByRole("radio", { name: new RegExp(BUYER.address) })).toBeChecked();
  await page.getByRole("button", { name: `${expectedTotal} 주문하기` }).click();
  await page.waitForURL(/\/orders\/HU-/);
  return page.url().split("/orders/")[1];
}

const status = (page: Page) => page.getByTestId("order-status");

/** The step is due now (test hook); it has been taken when the call returns, so one reload shows it. */
async function takeStepAndSee(page: Page, orderId: string, step: "ship" | "deliver" | "completeReturn", text: string) {
  await takeStep(page.request, orderId, step);
  await page.reload();
  await expect(status(page)).toHaveText(text);
}

test.afterAll(closeE2eDb);
test.beforeEach(({ page }) => page.on("dialog", (d) => void d.accept()));

test("a guest fills a cart, signs in, sees it merged, checks out, sees the order and cancels it", async ({ page, baseURL, browser }) => {
  // The buyer's own cart starts empty: other journeys (the wishlist's move to the cart) leave lines in it.
  const own = await browser.newContext();
  const ownPage = await own.newPage();
  await signIn(ownPage, "/cart");
  const { lines } = (await (await ownPage.request.get("/api/cart")).json()) as { lines: { id: string }[] };
  for (const l of lines) expect((await ownPage.request.delete(`/api/cart/items/${l.id}`, { headers: { origin: baseURL! } })).status()).toBeLessThan(300);
  await own.close();
  const shoes = await createE2eProduct({ name: "E2E 주문 운동화", price: 89_000, units: 10, perBuyerLimit: 2, saleStartsAt: new Date(Date.now() - 60_000) });
  const socks = await createE2eProduct({ name: "E2E 주문 양말", price: 5_000, units: 50 });

  await apiPost(page.request, baseURL!, "/api/cart/items", { productId: shoes.id, quantity: 1 });
  await apiPost(page.request, baseURL!, "/api/cart/items", { productId: socks.id, quantity: 3 });
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);

  await signIn(page, "/cart");
  await expect(page.getByTestId("merge-notice")).toContainText("E2E 주문 운동화");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await page.getByRole("link", { name: "선택 상품 주문하기" }).click();
  await page.waitForURL("**/checkout?source=cart");
  await expect(page.getByTestId("order-line")).toHaveCount(2);
  await page.screenshot({ path: "e2e/artifacts/checkout.png", fullPage: true });
  const orderId = await placeOrderFromCheckout(page, "₩104,000");

  await expect(status(page)).toHaveText("결제 대기");
  await expect(page.getByTestId("order-amount")).toHaveText("₩104,000");
  await expect(page.getByTestId("delivery-address")).toContainText(BUYER.address);
  await expect(page.getByTestId("hold-countdown")).toBeVisible();
  await expect(page.getByTestId("pay-button")).toBeVisible();
  await expect(page.getByTestId("order-line")).toHaveCount(2);
  await page.screenshot({ path: "e2e/artifacts/order-pending.png", fullPage: true });

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(0);

  await page.goto("/orders");
  await page.screenshot({ path: "e2e/artifacts/orders.png", fullPage: true });
  await page.locator(`[data-testid="order-row"][data-order-id="${orderId}"] a`).click();
  await page.waitForURL(`**/orders/${orderId}`);
  await page.getByRole("button", { name: "주문 취소" }).click();
  await expect(page.getByRole("status")).toHaveText("주문을 취소했어요.");
  await expect(status(page)).toHaveText("주문 취소");
  await expect(page.getByTestId("order-timeline").locator("li")).toHaveText([/결제 대기/, /주문 취소/]);
  await expect(page.getByRole("button", { name: "주문 취소" })).toHaveCount(0);
});

test("a paid order ships and is delivered when due, is returned, and the return completes", async ({ page }) => {
  const lamp = await createE2eProduct({ name: "E2E 반품 스탠드", price: 45_000, units: 5 });
  await signIn(page, "/orders");
  await page.goto(`/checkout?source=buy-now&productId=${lamp.id}&quantity=1`);
  const orderId = await placeOrderFromCheckout(page, "₩45,000");
  await payOrder(page, orderId);
  await page.goto(`/orders/${orderId}`);
  // The day-long delays hold the order where it is until the journey says the step is due.
  await expect(status(page)).toHaveText("결제 완료");

  await takeStepAndSee(page, orderId, "ship", "배송 중");
  await takeStepAndSee(page, orderId, "deliver", "배송 완료");
  await expect(page.getByRole("button", { name: "주문 취소" })).toHaveCount(0);
  await page.getByRole("button", { name: "반품 요청" }).click();
  await expect(status(page)).toHaveText("반품 요청");
  await takeStepAndSee(page, orderId, "completeReturn", "반품 완료");
  await expect(page.getByTestId("order-timeline").locator("li")).toHaveText([/결제 대기/, /결제 확인 중/, /결제 완료/, /배송 중/, /배송 완료/, /반품 요청/, /반품 완료/]);
  await page.screenshot({ path: "e2e/artifacts/order-returned.png", fullPage: true });
});

test("a wishlisted product is ordered straight from the wishlist and leaves it", async ({ page, baseURL }) => {
  const mug = await createE2eProduct({ name: "E2E 위시 주문 머그", price: 15_000, units: 5 });
  await signIn(page, "/wishlist");
  await apiPost(page.request, baseURL!, "/api/wishlist/items", { productId: mug.id });
  await page.reload();
  const item = page.getByTestId("wishlist-item").filter({ hasText: "E2E 위시 주문 머그" });
  await item.getByTestId("wishlist-buy").click();
  await page.waitForURL(/\/checkout\?source=wishlist/);
  await placeOrderFromCheckout(page, "₩15,000");
  await expect(status(page)).toHaveText("결제 대기");
  await page.goto("/wishlist");
  await expect(page.getByTestId("wishlist-item").filter({ hasText: "E2E 위시 주문 머그" })).toHaveCount(0);
});
