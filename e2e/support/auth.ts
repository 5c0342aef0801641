// Signing a demo account in through the sign-in page (every demo account has the same password).
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Hurryup!2026";

export async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}
