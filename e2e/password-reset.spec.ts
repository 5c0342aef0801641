// Password reset in a real browser: "forgot password" on the sign-in page, the same answer for an unknown
// address, the mail read in /dev/mailbox, a new password, every old session signed out, the link single-use.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";

const mailTo = (page: Page, email: string, subject: string) => page.getByTestId("mail").filter({ hasText: email }).filter({ hasText: subject });

test("reset a forgotten password by mail", async ({ page, browser }) => {
  const email = `reset-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const oldPassword = "Old!pass2026";
  const newPassword = "New!pass2026";
  // The account, made through the API (the sign-up form has its own journey, e2e/accounts.spec.ts).
  await page.goto("/signin");
  const res = await page.request.post("/api/users", {
    headers: { origin: new URL(page.url()).origin },
    data: { email, password: oldPassword, name: "재설정", phone: "010-6666-7777", agreeTerms: true, agreePrivacy: true, confirmAge14: true },
  });
  expect(res.status()).toBe(202);

  // Signed in on this device with the old password.
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(oldPassword);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(/\/account$/);

  // Another browser asks for a reset: an unknown address and the real one get the same answer.
  const other = await browser.newContext({ locale: "ko-KR" });
  const guest = await other.newPage();
  await guest.goto("/signin");
  await guest.getByRole("link", { name: "비밀번호를 잊으셨나요?" }).click();
  await expect(guest).toHaveURL(/\/forgot-password$/);
  await guest.getByLabel("이메일").fill(`nobody-${Date.now()}@example.com`);
  await guest.getByRole("button", { name: "재설정 메일 받기" }).click();
  const answer = guest.getByRole("status");
  await expect(answer).toContainText("가입된 계정이 있다면");
  const unknownAnswer = await answer.textContent();
  await guest.goto("/forgot-password");
  await guest.getByLabel("이메일").fill(email);
  await guest.getByRole("button", { name: "재설정 메일 받기" }).click();
  await expect(guest.getByRole("status")).toHaveText(unknownAnswer!);

  // The worker sends the mail; its link opens the new-password form.
  const mail = mailTo(guest, email, "비밀번호 재설정 안내");
  await expect
    .poll(async () => {
      await guest.goto("/dev/mailbox");
      return mail.count();
    })
    .toBe(1);
  const link = (await mail.getByRole("link").getAttribute("href"))!;
  await guest.goto(link);
  await guest.getByLabel("새 비밀번호").fill("short");
  await guest.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(guest.getByTestId("password-error")).toContainText("8자 이상");
  await guest.getByLabel("새 비밀번호").fill(newPassword);
  await guest.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(guest.getByRole("status")).toContainText("비밀번호를 바꿨어요");

  // The link works once.
  await guest.goto(link);
  await guest.getByLabel("새 비밀번호").fill("Again!pass2026");
  await guest.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(guest.locator("form").getByRole("alert")).toContainText("만료되었거나 이미 사용되었어요");
  await other.close();

  // The first device was signed out; the old password no longer works, the new one does.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(oldPassword);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("이메일 또는 비밀번호가 맞지 않아요");
  await page.getByLabel("비밀번호").fill(newPassword);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(/\/account$/);
});
