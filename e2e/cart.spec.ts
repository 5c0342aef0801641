// A guest fills a cart, signs in as a demo buyer and finds it merged with a notice; a guest's tap on the
// wishlist heart is kept through the sign-in, and the wishlist page moves the product into the cart.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { createE2eProduct, closeE2eDb } from "./support/db";

const BUYER = { email: "buyer2@hurryup.dev", password: "Hurryup!2026" };

async function signIn(page: Page, callbackUrl: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("이메일").fill(BUYER.email);
  await page.getByLabel("비밀번호").fill(BUYER.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => url.pathname === callbackUrl);
}

/** The optimistic view has been replaced by the server's answer. */
const settled = (page: Page, testId: "cart" | "wishlist") => expect(page.getByTestId(testId)).toHaveAttribute("aria-busy", "false");

test.afterAll(closeE2eDb);

test("a guest's cart merges into the buyer's cart on sign-in, with a notice", async ({ page }) => {
  const limited = await createE2eProduct({ name: "E2E 한정 스니커즈", price: 129_000, perBuyerLimit: 2, units: 50, saleStartsAt: new Date(Date.now() - 3_600_000) });
  const plain = await createE2eProduct({ name: "E2E 양말", price: 9_900, units: 100 });

  // As a guest: add from the product pages (the limited one three times; the limit of 2 caps it).
  await page.goto(`/products/${plain.id}`);
  await page.getByRole("button", { name: "장바구니 담기" }).click();
  await expect(page.getByRole("status").filter({ hasText: "장바구니에 담았어요" })).toBeVisible();
  await page.goto(`/products/${limited.id}`);
  const add = page.getByRole("button", { name: "장바구니 담기" });
  await add.click();
  await expect(page.getByRole("status").filter({ hasText: "장바구니에 담았어요" })).toBeVisible();
  for (let i = 0; i < 2; i++) {
    await add.click();
    await expect(add).toHaveAttribute("aria-busy", "false");
  }
  await expect(page.getByRole("status").filter({ hasText: "1인 구매 한도로 2개까지만 담았어요." })).toBeVisible();

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("total-selected")).toHaveText("₩267,900");

  // At the limit "+" says why it stops, announced and tied to the button, instead of silently doing nothing.
  const limitedLine = page.getByTestId("cart-line").filter({ hasText: "E2E 한정 스니커즈" });
  await expect(limitedLine.getByTestId("quantity-cap")).toHaveText("1인 구매 한도가 2개라 더 담을 수 없어요.");
  const more = limitedLine.getByRole("button", { name: "수량 늘리기" });
  await expect(more).toHaveAttribute("aria-disabled", "true");
  await expect(more).toHaveAccessibleDescription("1인 구매 한도가 2개라 더 담을 수 없어요.");
  // Still focusable (a disabled button would be skipped by the keyboard and say nothing); pressing it adds nothing.
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(more).toBeFocused();
  await expect(limitedLine.getByTestId("quantity")).toHaveText("2");

  // Optimistic stepper, corrected by the server: the plain line goes to 2.
  const plainLine = page.getByTestId("cart-line").filter({ hasText: "E2E 양말" });
  await plainLine.getByRole("button", { name: "수량 늘리기" }).click();
  await expect(plainLine.getByTestId("quantity")).toHaveText("2");
  await settled(page, "cart");
  await expect(page.getByTestId("total-selected")).toHaveText("₩277,800");
  // Deselecting leaves it out of the selected total only.
  await plainLine.getByRole("checkbox").uncheck();
  await settled(page, "cart");
  await expect(page.getByTestId("total-selected")).toHaveText("₩258,000");
  await expect(page.getByTestId("total-all")).toHaveText("₩277,800");

  await signIn(page, "/cart");
  const notice = page.getByTestId("merge-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("E2E 한정 스니커즈: 2개 추가");
  await expect(notice).toContainText("E2E 양말: 2개 추가");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-line").filter({ hasText: "E2E 한정 스니커즈" }).getByTestId("quantity")).toHaveText("2");
  await expect(page.getByRole("link", { name: "선택 상품 주문하기" })).toHaveAttribute("href", "/checkout?source=cart");

  // The notice goes away once seen, and the merged cart stays after a reload.
  await notice.getByRole("button", { name: "확인" }).click();
  await expect(notice).toHaveCount(0);
  await settled(page, "cart");
  await page.reload();
  await expect(page.getByTestId("merge-notice")).toHaveCount(0);
  await expect(page.getByTestId("cart-line")).toHaveCount(2);

  // Removing a line.
  await page.getByTestId("cart-line").filter({ hasText: "E2E 양말" }).getByRole("button", { name: "삭제" }).click();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await settled(page, "cart");
  await expect(page.getByTestId("total-all")).toHaveText("₩258,000");
});

test("a guest's heart is kept through the sign-in it asks for; the wishlist moves a product to the cart", async ({ page }) => {
  const product = await createE2eProduct({ name: "E2E 위시 머그컵", price: 18_000, units: 20 });

  await page.goto(`/products/${product.id}`);
  await page.getByTestId("heart").first().click();
  await page.waitForURL(/\/signin\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(`/products/${product.id}?wish=${product.id}`);

  // Signing in right there brings the guest back to the product, now in the wishlist, without tapping again;
  // the address drops the parameter, so a reload does not add it twice.
  await page.getByLabel("이메일").fill(BUYER.email);
  await page.getByLabel("비밀번호").fill(BUYER.password);
  await page.getByRole("button", { name: "로그인" }).click();
  await page.waitForURL((url) => url.pathname === `/products/${product.id}` && !url.searchParams.has("wish"));
  const heart = page.getByTestId("heart").first();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await expect(heart).toHaveAttribute("aria-busy", "false");
  await page.reload();
  await expect(page.getByTestId("heart").first()).toHaveAttribute("aria-pressed", "true");

  await page.goto("/wishlist");
  const item = page.getByTestId("wishlist-item").filter({ hasText: "E2E 위시 머그컵" });
  await expect(item).toBeVisible();
  await expect(item.getByRole("link", { name: "바로 구매" })).toHaveAttribute("href", `/checkout?source=wishlist&productId=${product.id}`);
  await item.getByRole("button", { name: "장바구니로 옮기기" }).click();
  await expect(page.getByTestId("wishlist-item").filter({ hasText: "E2E 위시 머그컵" })).toHaveCount(0);
  await settled(page, "wishlist");
  await expect(page.getByTestId("wishlist").getByRole("status")).toContainText("장바구니에 담았어요");

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line").filter({ hasText: "E2E 위시 머그컵" })).toBeVisible();
  await page.reload();
  await page.goto("/wishlist");
  await expect(page.getByTestId("wishlist-item").filter({ hasText: "E2E 위시 머그컵" })).toHaveCount(0);
});
