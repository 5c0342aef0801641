// Sizes in a real browser (docs/variants.md). A buyer picks size 270 on a drop that opens a few seconds
// later (test hook) and buys it at the opening, while another buyer takes the last pair of size 265 through
// the API and the first buyer's page shows 265 sold out — disabled, announced — without a reload.
// A seller gives a product a size run (230–300 by 5), sets stock per size and restocks one size.
import type { Browser } from "@playwright/test";
import { signIn } from "./support/auth";
import { closeE2eDb, createE2eProduct, setE2eSizes } from "./support/db";
import { scheduleOpening } from "./support/hooks";
import { expect, test } from "./support/test";

test.afterAll(closeE2eDb);

const origin = () => `http://localhost:${process.env.E2E_PORT ?? 3100}`;

async function signedIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("a buyer picks size 270 and buys it at the opening while size 265 sells out live", async ({ browser }) => {
  const drop = await createE2eProduct({ name: `E2E 사이즈 드롭 ${Date.now()}`, price: 159_000, units: 9, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 3_600_000) });
  const ids = await setE2eSizes(drop.id, "사이즈", [{ value: "260", units: 5 }, { value: "265", units: 1 }, { value: "270", units: 3 }]);

  const buyer = await signedIn(browser, "buyer1@hurryup.dev");
  await buyer.goto(`/products/${drop.id}`);
  const picker = buyer.getByTestId("variant-picker");
  await expect(picker.getByRole("radio")).toHaveCount(3);
  const size = (v: string) => buyer.getByTestId("variant-option").and(buyer.locator(`[data-value="${v}"]`));
  await expect(size("265")).toContainText("1개 남음");
  const button = buyer.getByTestId("buy-button");
  await expect(button).toBeDisabled();

  // Sizes are a labelled radio group operated by keyboard: focus 260, arrow to 265, then 270.
  await buyer.getByRole("radio", { name: /^260/ }).focus();
  await buyer.keyboard.press("ArrowRight");
  await buyer.keyboard.press("ArrowRight");
  await expect(buyer.getByRole("radio", { name: /^270/ })).toBeChecked();

  await scheduleOpening(buyer.request, drop.id, 3);
  await expect(button).toBeEnabled({ timeout: 15_000 });
  await expect(button).toHaveText("구매하기");

  // Another buyer takes the last 265 through the API; the first page's poll shows it gone, no reload.
  const other = await signedIn(browser, "buyer2@hurryup.dev");
  const res = await other.request.post("/api/orders", {
    headers: { "idempotency-key": crypto.randomUUID(), origin: origin() },
    data: { items: [{ productId: drop.id, variantId: ids["265"], quantity: 1 }] },
  });
  expect(res.status(), await res.text()).toBe(201);
  await expect(size("265")).toHaveAttribute("data-sold-out", "true", { timeout: 15_000 });
  await expect(size("265")).toContainText("품절");
  await expect(buyer.getByRole("radio", { name: /^265/ })).toBeDisabled();
  await expect(buyer.getByTestId("variant-announce")).toHaveText("사이즈 265 품절");
  await expect(buyer.getByRole("radio", { name: /^270/ })).toBeChecked();

  await button.click();
  await buyer.waitForURL(/\/orders\/[A-Za-z0-9_-]+$/);
  await expect(buyer.getByTestId("line-variant")).toContainText("사이즈 270");
  await expect(buyer.getByTestId("order-amount")).toHaveText("₩159,000");
});

test("a seller gives a product a size run, stock per size, and restocks one size", async ({ browser }) => {
  const product = await createE2eProduct({ name: `E2E 사이즈 운동화 ${Date.now()}`, price: 99_000, units: 0 });
  const seller = await signedIn(browser, "seller@hurryup.dev");
  await seller.goto(`/seller/products/${product.id}`);
  const editor = seller.getByTestId("variants-editor");
  await editor.getByTestId("size-run-generate").click(); // 230 to 300 by 5, the defaults
  await expect(editor.getByTestId("axis-name-0")).toHaveValue("사이즈");
  const rows = editor.getByTestId("variant-row");
  await expect(rows).toHaveCount(15);
  const units = editor.getByTestId("variant-units-input");
  for (let i = 0; i < 15; i++) await units.nth(i).fill("2");
  // A bad figure comes back under its own field.
  await editor.getByLabel("270 SKU").fill("bad sku!");
  await editor.getByTestId("variants-save").click();
  await expect(editor.getByTestId("variants.8.sku-error")).toBeVisible();
  await editor.getByLabel("270 SKU").fill("E2E-270");
  await editor.getByLabel("270 재고").fill("5");
  await editor.getByTestId("variants-save").click();
  await expect(editor.getByRole("status")).toHaveText("옵션을 저장했어요.");
  await expect(seller.getByTestId("product-stock")).toContainText("전체 33");

  // Restock size 270 only.
  await seller.getByTestId("restock-variant").selectOption({ label: "사이즈 270 (5 / 5)" });
  await seller.getByLabel("추가 수량").fill("3");
  await seller.getByRole("button", { name: "재입고" }).click();
  await expect(seller.getByTestId("restock-form").getByRole("status")).toHaveText("재고를 추가했어요.");
  await expect(seller.getByTestId("product-stock")).toContainText("전체 36");

  // The shop shows the sizes, with 270's new units, and the catalog finds "size 270 available".
  const shopper = await (await browser.newContext()).newPage();
  await shopper.goto(`/products/${product.id}`);
  await expect(shopper.getByTestId("variant-option").and(shopper.locator('[data-value="270"]'))).toContainText("8개 남음");
  const cards = shopper.getByTestId("product-card").filter({ hasText: "E2E 사이즈 운동화" });
  await shopper.goto(`/?option=270&available=1&q=${encodeURIComponent("E2E 사이즈 운동화")}`);
  await expect(shopper.getByTestId("option-filter")).toHaveValue("270");
  await expect(cards).toHaveCount(1);
  await shopper.goto(`/?option=999&q=${encodeURIComponent("E2E 사이즈 운동화")}`);
  await expect(cards).toHaveCount(0);
  await expect(shopper.getByText("조건에 맞는 상품이 없어요.")).toBeVisible();
});
