// The seller's drop day in a real browser: create a limited product with an uploaded image and an opening an
// hour ahead; the journey then has it open a few seconds from now (test hook), the seller's monitor turns
// to "on sale" without reloading and a buyer orders it; the seller watches the monitor move while the
// buyer pays on the stand-in payment window, then finds the order and the sale in the chart.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { closeE2eDb } from "./support/db";
import { scheduleOpening } from "./support/hooks";
import { payOrder } from "./support/pay";
import { createE2eCategory, kstInput, tinyPng } from "./support/seller";

const PASSWORD = "Hurryup!2026";

async function signedInPage(browser: Browser, email: string, callbackUrl: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(PASSWORD);
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => url.pathname === callbackUrl.split("?")[0]);
  return page;
}

test.afterAll(closeE2eDb);

test("a seller schedules a drop, a buyer buys it at the opening, the seller sees it live", async ({ browser }) => {
  const category = `E2E 드롭 ${Date.now()}`;
  await createE2eCategory(category);
  const name = `E2E 한정 스니커즈 ${Date.now()}`;

  // The seller creates the drop; bad input first comes back as field errors.
  const seller = await signedInPage(browser, "seller@hurryup.dev", "/seller/products/new");
  await expect(seller.getByRole("heading", { name: "상품 등록" })).toBeVisible();
  await seller.getByLabel("상품명").fill(name);
  await seller.getByLabel("설명").fill("오픈 직후 매진 예정");
  await seller.getByLabel("가격 (원)").fill("129000");
  await seller.getByLabel("카테고리").selectOption({ label: category });
  await seller.getByLabel("재고 수량").fill("3");
  await seller.getByLabel("1인당 구매 한도").fill("0");
  await seller.getByLabel("오픈 시각 (KST)").fill(kstInput(-60));
  // A limited drop gets the waiting room unless the seller turns it off; this journey buys straight at
  // the opening (e2e/waiting-room.spec.ts goes through the room).
  const room = seller.getByLabel(/대기실 사용/);
  await expect(room).toBeChecked();
  await room.uncheck();
  await seller.getByRole("button", { name: "등록하기" }).click();
  // Every problem at once, the past opening included (not in rounds); the first one takes the focus.
  await expect(seller.getByTestId("perBuyerLimit-error")).toContainText("1인당 한도는 1 이상");
  await expect(seller.getByTestId("saleStartsAt-error")).toContainText("오픈 시각은 지금보다 나중이어야 해요");
  await expect(seller.getByLabel("1인당 구매 한도")).toBeFocused();
  await seller.getByLabel("1인당 구매 한도").fill("1");
  await seller.getByRole("button", { name: "등록하기" }).click();
  await expect(seller.getByTestId("saleStartsAt-error")).toContainText("오픈 시각은 지금보다 나중이어야 해요");
  await expect(seller.getByTestId("perBuyerLimit-error")).toHaveCount(0);
  await expect(seller.getByLabel("오픈 시각 (KST)")).toBeFocused();
  await seller.getByTestId("image-input").setInputFiles({ name: "not-an-image.png", mimeType: "image/png", buffer: Buffer.from("hello") });
  await expect(seller.getByTestId("file-error")).toContainText("JPEG, PNG, WebP 이미지만");
  await seller.getByTestId("image-input").setInputFiles({ name: "shoe.png", mimeType: "image/png", buffer: tinyPng });
  await expect(seller.getByTestId("uploaded-image")).toHaveCount(1);
  await seller.getByLabel("오픈 시각 (KST)").fill(kstInput(3600));
  await seller.getByRole("button", { name: "등록하기" }).click();
  await seller.waitForURL(/\/seller\/products\/[0-9a-f-]{36}$/);
  const productId = seller.url().split("/").pop()!;
  await expect(seller.getByTestId("product-stock")).toContainText("남은 수량 3");
  // The uploaded image is served back by the shop.
  const src = await seller.getByTestId("uploaded-image").getAttribute("src");
  const img = await seller.request.get(src!);
  expect(img.headers()["content-type"]).toBe("image/png");

  // The monitor: upcoming, three units left.
  await seller.getByRole("link", { name: "실시간 모니터" }).click();
  await expect(seller.getByTestId("monitor-remaining")).toHaveText("3 / 3");
  await expect(seller.getByTestId("monitor-state")).toHaveText("오픈 전");

  // The drop opens a few seconds from now by the server's clock (as if the seller had rescheduled it); the
  // monitor turns by itself, and then the buyer orders.
  const checkout = `/checkout?source=buy-now&productId=${productId}&quantity=1`;
  const buyer = await signedInPage(browser, "buyer1@hurryup.dev", checkout);
  await scheduleOpening(seller.request, productId, 5);
  await expect(seller.getByTestId("monitor-state")).toHaveText("판매 중");
  const orderedOn = kstInput(0).slice(0, 10);
  await buyer.goto(checkout);
  await buyer.getByRole("button", { name: "₩129,000 주문하기" }).click();
  await buyer.waitForURL(/\/orders\/HU-/);
  const orderId = buyer.url().split("/orders/")[1];

  // The seller's monitor moves by itself: one unit held.
  await expect(seller.getByTestId("monitor-remaining")).toHaveText("2 / 3");
  await expect(seller.getByTestId("monitor-held")).toHaveText("1");
  await payOrder(buyer, orderId);
  await expect(seller.getByTestId("monitor-sold")).toHaveText("1");
  await expect(seller.getByTestId("monitor-held")).toHaveText("0");
  await expect(seller.getByTestId("monitor-conversion")).toHaveText("100%");

  // The order is in the seller's list filtered from the day it was placed to today (a journey across
  // midnight KST still finds it), and its detail shows the timeline.
  const today = kstInput(0).slice(0, 10);
  await seller.goto(`/seller/orders?from=${orderedOn}&to=${today}`);
  const row = seller.getByTestId("seller-order-row").filter({ hasText: orderId });
  await expect(row).toContainText(name);
  await expect(row).toContainText("₩129,000");
  await row.getByRole("link").click();
  await expect(seller.getByTestId("order-timeline")).toContainText("결제 완료");

  // The sale is in today's figures and drawn in the chart.
  await seller.goto("/seller/sales?days=7");
  await expect(seller.getByTestId("sales-top")).toContainText(name);
  await expect(seller.getByTestId("sales-chart").locator(".recharts-bar-rectangle path")).not.toHaveCount(0);
  // Contexts of its own: closed here, or their pages (the live monitor polls) would run on under later journeys.
  for (const p of [seller, buyer]) await p.context().close();
});
