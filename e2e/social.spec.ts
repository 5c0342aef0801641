// Kakao sign-in in a real browser against a local OAuth server shaped like Kakao (scripts/oauth-mock.ts,
// started by scripts/e2e.sh, which points the shop's KAKAO_* endpoints at it). The journey tells the
// mock who signs in next (POST /__identity); the mock's /authorize sends the browser straight back.
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";

const kakaoBase = `http://127.0.0.1:${process.env.E2E_KAKAO_PORT}`;
const naverBase = `http://127.0.0.1:${process.env.E2E_NAVER_PORT}`;
const nextSignIn = async (request: APIRequestContext, base: string, who: { id: string; email: string | null; verified?: boolean; name?: string }) =>
  expect((await request.post(`${base}/__identity`, { data: who })).status()).toBe(204);

async function continueWithKakao(page: Page) {
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByRole("button", { name: "카카오로 계속하기" }).click();
}

test("a new member signs up with Kakao (consents first), then signs in with one click", async ({ page, request }) => {
  const email = `kakao-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const kakaoId = String(Date.now());
  await nextSignIn(request, kakaoBase, { id: kakaoId, email, verified: true, name: "카카오친구" });
  await continueWithKakao(page);
  await expect(page).toHaveURL(/\/signup\/social\?ticket=/);
  await expect(page.getByTestId("social-intro")).toContainText(email);
  await expect(page.getByTestId("social-intro")).toContainText("카카오");
  await expect(page.getByLabel("이름")).toHaveValue("카카오친구");

  // No account until the required consents are given.
  await page.getByLabel("휴대폰 번호").fill("010-8888-9999");
  await page.getByRole("button", { name: "동의하고 가입하기" }).click();
  for (const box of ["agreeTerms", "agreePrivacy", "confirmAge14"]) await expect(page.getByTestId(`${box}-error`)).toContainText("필수 항목에 동의해 주세요");
  await expect(page.getByTestId("agreeMarketing-error")).toHaveCount(0);
  await page.getByLabel("전체 동의 (선택 항목 포함)").check();
  await expect(page.getByLabel("[선택] 이벤트·할인 소식(마케팅 정보) 받기")).toBeChecked();
  await page.getByRole("button", { name: "동의하고 가입하기" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("profile-email")).toContainText(email);
  await expect(page.getByTestId("profile-email")).toContainText("인증됨");

  // Marketing consent can be withdrawn later, on its own.
  await expect(page.getByTestId("marketing-state")).toHaveText("이벤트·할인 소식을 받고 있어요.");
  await page.getByRole("button", { name: "수신 거부하기" }).click();
  await expect(page.getByTestId("marketing-state")).toHaveText("이벤트·할인 소식을 받지 않아요.");

  // Signed out, the same Kakao identity signs straight back in.
  await page.getByRole("button", { name: "로그아웃" }).first().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/account"));
  await continueWithKakao(page);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("profile-email")).toContainText(email);

  // No password to change: the account page mails a link to set one…
  await expect(page.getByRole("heading", { name: "비밀번호 설정" })).toBeVisible();
  await expect(page.getByLabel("현재 비밀번호")).toHaveCount(0);
  await page.getByRole("button", { name: "비밀번호 설정 메일 받기" }).click();
  await expect(page.getByTestId("set-password").getByRole("status")).toContainText("메일을 보냈어요");
  const mail = page.getByTestId("mail").filter({ hasText: email }).filter({ hasText: "/reset-password?token=" });
  await expect
    .poll(async () => {
      await page.goto("/dev/mailbox");
      return mail.count();
    })
    .toBe(1);

  // …and deleting the account is confirmed by typing its address, not by a password it does not have.
  await page.goto("/account");
  const deletion = page.getByTestId("delete-account");
  await expect(deletion.getByLabel("비밀번호")).toHaveCount(0);
  const typed = deletion.getByLabel(`확인을 위해 계정 이메일 주소(${email})를 입력해 주세요`);
  await deletion.getByRole("button", { name: "계정 삭제" }).click();
  await expect(deletion.getByTestId("confirmEmail-error")).toHaveText("필수 항목이에요.");
  await expect(typed).toBeFocused();
  await typed.fill("someone-else@example.com");
  await deletion.getByRole("button", { name: "계정 삭제" }).click();
  await expect(deletion.getByTestId("confirmEmail-error")).toHaveText("계정 이메일 주소와 달라요.");
  await typed.fill(email);
  await deletion.getByRole("button", { name: "계정 삭제" }).click();
  await page.waitForURL(/\/signin\?deleted=1/);
  // The identity went with the account: Kakao starts a new sign-up.
  await nextSignIn(request, kakaoBase, { id: kakaoId, email, verified: true, name: "카카오친구" });
  await continueWithKakao(page);
  await expect(page).toHaveURL(/\/signup\/social\?ticket=/);
});

test("Kakao links to an existing account only by a verified address", async ({ page, request }) => {
  // An address Kakao has not verified: refused, with the reason, and no session.
  await nextSignIn(request, kakaoBase, { id: `${Date.now()}1`, email: "buyer2@hurryup.dev", verified: false });
  await continueWithKakao(page);
  await expect(page.getByTestId("social-refused")).toContainText("인증되지 않았거나");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);

  // Verified by Kakao and by the shop: linked, signed into that account.
  await nextSignIn(request, kakaoBase, { id: `${Date.now()}2`, email: "buyer2@hurryup.dev", verified: true });
  await continueWithKakao(page);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("profile-email")).toContainText("buyer2@hurryup.dev");
});

test("Naver's button signs into the account with the same address", async ({ page, request }) => {
  await nextSignIn(request, naverBase, { id: `nv-${Date.now()}`, email: "buyer3@hurryup.dev" });
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByRole("button", { name: "네이버로 계속하기" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("profile-email")).toContainText("buyer3@hurryup.dev");
});
