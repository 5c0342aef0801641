// Paying an order the way a buyer does: the order page's pay link opens the Toss-compatible server's
// stand-in payment window (scripts/e2e.sh starts it), the buyer pays, Toss redirects to /payments/success
// and the shop confirms on the server.
import { expect, type Page } from "@playwright/test";

export async function payOrder(page: Page, orderId: string): Promise<void> {
  await page.goto(`/orders/${orderId}`);
  await page.getByRole("link", { name: "결제하기" }).click();
  await expect(page.getByRole("heading", { name: /테스트 결제창/ })).toBeVisible();
  await page.getByRole("button", { name: "결제하기" }).click();
  await expect(page).toHaveURL(/\/payments\/success\?/);
  await expect(page.locator("main").getByRole("status")).toHaveText("결제가 완료되었어요.");
}
