// Fulfilment by the seller in a real browser: the seller ships one order by hand with a courier and
// tracking number and another from a CSV file, exports the orders, and the buyer follows the tracking
// link; a buyer asks for a return with a reason, the seller approves it after inspection and the refund
// shows on both sides (carried out by the worker through the Toss-compatible server).
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { closeE2eDb, createE2eProduct } from "./support/db";
import { takeStep } from "./support/hooks";
import { payOrder } from "./support/pay";
import { expect, test } from "./support/test";

const PASSWORD = "Hurryup!2026";

async function signedInPage(browser: Browser, email: string, callbackUrl: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (d) => void d.accept());
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(PASSWORD);
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => url.pathname === callbackUrl);
  return page;
}

/** The buyer buys one unit now and pays on the stand-in payment window; returns the order id. */
async function buyAndPay(buyer: Page, productId: string, total: string): Promise<string> {
  await buyer.goto(`/checkout?source=buy-now&productId=${productId}&quantity=1`);
  await buyer.getByRole("button", { name: `${total} 주문하기` }).click();
  await buyer.waitForURL(/\/orders\/HU-/);
  const orderId = buyer.url().split("/orders/")[1];
  await payOrder(buyer, orderId);
  return orderId;
}

test.afterAll(closeE2eDb);
// Each journey signs in two browsers and pays through the stand-in payment window; on a busy 2-core
// machine that alone has taken most of the default three minutes.
test.describe.configure({ timeout: 420_000 });

test("the seller ships with tracking, by hand and from a CSV file; the buyer sees the tracking link", async ({ browser }) => {
  const product = await createE2eProduct({ name: `E2E 발송 머그 ${Date.now()}`, price: 12_000, units: 10 });
  const buyer = await signedInPage(browser, "buyer1@hurryup.dev", "/orders");
  const first = await buyAndPay(buyer, product.id, "₩12,000");
  const second = await buyAndPay(buyer, product.id, "₩12,000");

  const seller = await signedInPage(browser, "seller@hurryup.dev", `/seller/orders/${first}`);
  await seller.getByLabel("택배사").selectOption({ label: "CJ대한통운" });
  await seller.getByLabel("송장번호").fill("123");
  await seller.getByRole("button", { name: "발송 처리" }).click();
  await expect(seller.getByTestId("trackingNumber-error")).toContainText("송장번호를 확인해 주세요");
  await seller.getByLabel("송장번호").fill("1234-5678-9012");
  await seller.getByRole("button", { name: "발송 처리" }).click();
  await expect(seller.getByTestId("order-status")).toContainText("배송 중");
  await expect(seller.getByTestId("shipment-info")).toContainText("CJ대한통운 · 123456789012");

  // Bulk: the second order from a file as Excel saves it; the first again (unchanged), a bad row reported.
  await seller.goto("/seller/orders");
  const csv = `\uFEFF주문번호,택배사,송장번호\r\n${second},롯데택배,"1111 2222 3333"\r\n${first},CJ대한통운,123456789012\r\nHU-nope-000,cj,123456789012\r\n`;
  await seller.getByTestId("bulk-file").setInputFiles({ name: "발송.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await seller.getByRole("button", { name: "올리기" }).click();
  await expect(seller.getByTestId("bulk-summary")).toHaveText("발송 1 · 수정 0 · 변경 없음 1 · 건너뜀 0 · 오류 1");
  await expect(seller.getByTestId("bulk-row")).toHaveText([/발송/, /변경 없음/, /오류 — 주문을 찾을 수 없어요/]);

  // The export, as Excel would open it: BOM, Korean headers, both orders with their tracking numbers.
  const [download] = await Promise.all([seller.waitForEvent("download"), seller.getByTestId("orders-export").click()]);
  const exported = await readFile((await download.path())!, "utf8");
  expect(exported.startsWith("\uFEFF주문번호,주문일시,상태,상품,수량,금액(원),택배사,송장번호,발송일시\r\n")).toBe(true);
  expect(exported).toContain(`${second},`);
  expect(exported).toContain("롯데택배,111122223333");

  await buyer.goto(`/orders/${second}`);
  await expect(buyer.getByTestId("order-status")).toHaveText("배송 중");
  await expect(buyer.getByTestId("tracking-courier")).toHaveText("롯데택배");
  await expect(buyer.getByTestId("tracking-number")).toHaveText("111122223333");
  await expect(buyer.getByTestId("tracking-link")).toHaveAttribute("href", "https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo=111122223333");
  await buyer.screenshot({ path: "e2e/artifacts/order-tracking.png", fullPage: true });
});

test("a buyer asks for a return with a reason, the seller approves it after inspection, the refund shows", async ({ browser }) => {
  const product = await createE2eProduct({ name: `E2E 반품 승인 셔츠 ${Date.now()}`, price: 33_000, units: 5 });
  const buyer = await signedInPage(browser, "buyer1@hurryup.dev", "/orders");
  const orderId = await buyAndPay(buyer, product.id, "₩33,000");
  // The shop's day-long fallback timers hold the order until the journey says a step is due.
  await takeStep(buyer.request, orderId, "ship");
  await takeStep(buyer.request, orderId, "deliver");
  await buyer.goto(`/orders/${orderId}`);
  await expect(buyer.getByTestId("order-status")).toHaveText("배송 완료");
  await buyer.getByLabel("반품 사유 (선택)").fill("색상이 사진과 달라요");
  await buyer.getByRole("button", { name: "반품 요청" }).click();
  await expect(buyer.getByTestId("order-status")).toHaveText("반품 요청");

  const seller = await signedInPage(browser, "seller@hurryup.dev", `/seller/orders/${orderId}`);
  await expect(seller.getByTestId("order-timeline")).toContainText("색상이 사진과 달라요");
  await seller.getByRole("button", { name: "반품 승인 (환불)" }).click();
  await expect(seller.getByTestId("order-status")).toContainText("반품 완료");

  // The worker carries out the refund; the page shows it once Toss has refunded.
  await expect(async () => {
    await buyer.reload();
    await expect(buyer.getByTestId("refund-status")).toHaveText("환불 완료 · ₩33,000", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(buyer.getByTestId("order-status")).toHaveText("반품 완료");
  await buyer.screenshot({ path: "e2e/artifacts/order-return-approved.png", fullPage: true });
});
