// One person, one place: a demo buyer without a verified phone is told to verify before buying the
// phone-required drop, verifies a mobile number with the code the SMS outbox (/dev/sms) received, and then
// buys the drop from its product page.
import { randomInt } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { closeE2eDb, productIdByName } from "./support/db";

const DROP = "인증 회원 전용 메신저백";

test.afterAll(closeE2eDb);

test("verify a phone through the SMS outbox, then buy a phone-required drop", async ({ page }) => {
  const productId = await productIdByName(DROP);
  const rest = String(randomInt(30_000_000, 100_000_000));
  const local = `010-${rest.slice(0, 4)}-${rest.slice(4)}`;
  await signIn(page, "buyer3@hurryup.dev");

  // The product page says what is needed; the buy button's refusal links to the account page.
  await page.goto(`/products/${productId}`);
  await expect(page.getByTestId("phone-required-note")).toContainText("휴대폰 인증을 마친 계정만");
  await page.getByTestId("buy-button").click();
  await expect(page.getByRole("alert").filter({ hasText: "휴대폰 인증을 마친 계정만 구매할 수 있어요" })).toBeVisible();
  await page.getByTestId("verify-phone-link").click();
  await expect(page).toHaveURL(/\/account#phone$/);

  // A number that is not a Korean mobile number is refused on its field.
  await page.getByTestId("phone-input").fill("02-123-4567");
  await page.getByTestId("phone-send").click();
  await expect(page.getByTestId("phone-error")).toContainText("010으로 시작하는 휴대폰 번호");
  await page.getByTestId("phone-input").fill(local);
  await page.getByTestId("phone-send").click();
  await expect(page.getByTestId("phone-sent")).toContainText(`010-****-${rest.slice(4)}`);

  // The code, as the buyer's phone would show it.
  await page.goto("/dev/sms");
  const sms = page.getByTestId("sms").filter({ has: page.getByTestId("sms-to").getByText(local, { exact: true }) }).first();
  const text = await sms.getByTestId("sms-text").textContent();
  const code = /\b(\d{6})\b/.exec(text ?? "")?.[1];
  expect(code, `a code in "${text}"`).toBeTruthy();

  // A wrong code first, then the right one.
  await page.goto("/account#phone");
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await page.getByTestId("phone-code").fill(wrong);
  await page.getByTestId("phone-confirm").click();
  await expect(page.getByTestId("code-error")).toContainText("인증번호가 맞지 않아요");
  await page.getByTestId("phone-code").fill(code!);
  await page.getByTestId("phone-confirm").click();
  await expect(page.getByTestId("phone-verified")).toHaveText(local);

  // Now the drop sells: the order awaits payment.
  await page.goto(`/products/${productId}`);
  await page.getByTestId("buy-button").click();
  await expect(page).toHaveURL(/\/orders\/HU-/);
  await expect(page.getByText("결제를 기다리고 있어요")).toBeVisible();
  await expect(page.getByText(DROP)).toBeVisible();
});
