// Paying with Toss (the stand-in payment page of the Toss-compatible server): buy a limited product, pay,
// see the order PAID; abandon the window and pay again; cancel the paid order and see the refund.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { closeE2eDb, createE2eProduct } from "./support/db";

test.afterAll(closeE2eDb);
test.beforeEach(({ page }) => page.on("dialog", (d) => void d.accept()));

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill("Hurryup!2026");
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

async function buy(page: Page, productId: string): Promise<{ id: string; amount: number }> {
  const res = await page.request.post("/api/orders", {
    headers: { origin: new URL(page.url()).origin, "idempotency-key": randomUUID() },
    data: { items: [{ productId, quantity: 1 }] },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { order: { id: string; amount: number } }).order;
}

test("buy a limited product, pay on the stand-in page, see it PAID, cancel it and see the refund", async ({ page }) => {
  const { id: productId } = await createE2eProduct({ name: `한정판 결제 ${randomUUID().slice(0, 6)}`, price: 129_000, units: 3, perBuyerLimit: 1 });
  await signIn(page, "buyer1@hurryup.dev");
  const order = await buy(page, productId);
  expect(order.amount).toBe(129_000);

  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("order-status")).toHaveText("결제 대기");
  await expect(page.getByTestId("order-amount")).toHaveText("₩129,000");

  // First the buyer closes the payment window: the order stays payable.
  await page.getByRole("link", { name: "결제하기" }).click();
  await expect(page.getByRole("heading", { name: /테스트 결제창/ })).toBeVisible();
  await page.getByRole("button", { name: /닫기|취소/ }).click();
  await expect(page).toHaveURL(/\/payments\/fail\?/);
  await expect(page.locator("main").getByRole("alert")).toContainText("결제를 취소했어요");
  await page.getByRole("link", { name: "다시 결제하기" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("결제 대기");

  // Then pays.
  await page.getByRole("link", { name: "결제하기" }).click();
  await page.getByRole("button", { name: "결제하기" }).click();
  await expect(page).toHaveURL(/\/payments\/success\?/);
  await expect(page.locator("main").getByRole("status")).toHaveText("결제가 완료되었어요.");
  await expect(page.getByTestId("payment-order-status")).toHaveText("결제 완료");

  // Refreshing the success page neither confirms nor charges again.
  await page.reload();
  await expect(page.getByTestId("payment-order-status")).toHaveText("결제 완료");
  await page.getByRole("link", { name: "주문 보기" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("결제 완료");
  await expect(page.getByTestId("payment-summary")).toContainText("₩129,000");

  // The buyer cancels the paid order on its page: units back, and the worker refunds through Toss.
  await page.getByRole("button", { name: "주문 취소" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("주문 취소");
  await expect
    .poll(async () => {
      await page.reload();
      return (await page.getByTestId("refund-status").allTextContents()).join(" ");
    })
    .toContain("환불 완료");
  await expect(page.getByTestId("refund-status")).toContainText("₩129,000");
  await expect(page.getByTestId("order-status")).toHaveText("주문 취소");
});

test("a card rejected in the payment window leaves the order payable; paying again with another card works", async ({ page }) => {
  const { id: productId } = await createE2eProduct({ name: `거절 ${randomUUID().slice(0, 6)}`, price: 10_000, units: 1, perBuyerLimit: 1 });
  await signIn(page, "buyer2@hurryup.dev");
  const order = await buy(page, productId);
  await page.goto(`/orders/${order.id}`);
  await page.getByRole("link", { name: "결제하기" }).click();
  await page.getByRole("button", { name: /거절/ }).click();
  await expect(page.locator("main").getByRole("alert")).toContainText("카드사에서 결제를 거절했어요");
  await expect(page.getByTestId("pay-again")).toBeVisible();
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("order-status")).toHaveText("결제 대기");
  await page.getByRole("link", { name: "결제하기" }).click();
  await page.getByRole("button", { name: "결제하기" }).click();
  await expect(page).toHaveURL(/\/payments\/success\?/);
  await expect(page.getByTestId("payment-order-status")).toHaveText("결제 완료");
});
