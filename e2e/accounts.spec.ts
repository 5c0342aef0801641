// The accounts journey in a real browser against `next start` + the worker: sign up, read the mail in
// /dev/mailbox, verify, sign in, edit the profile, see the session, sign out.
import { expect, test } from "./support/test";

test("sign up, verify by mail, sign in, edit profile, sign out", async ({ page }) => {
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = "E2e!pass2026";

  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "회원가입" })).toBeVisible();
  // Field errors appear next to their fields, and typed values survive.
  await page.getByLabel("이메일").fill("not-an-email");
  await page.getByLabel("비밀번호").fill("short");
  await page.getByRole("button", { name: "가입하기" }).click();
  await expect(page.getByTestId("email-error")).toContainText("올바른 이메일");
  await expect(page.getByTestId("password-error")).toContainText("8자 이상");
  await expect(page.getByTestId("name-error")).toContainText("필수");
  // Terms, privacy and age 14+ are required; marketing is optional.
  for (const box of ["agreeTerms", "agreePrivacy", "confirmAge14"]) await expect(page.getByTestId(`${box}-error`)).toContainText("필수 항목에 동의해 주세요");
  await expect(page.getByTestId("agreeMarketing-error")).toHaveCount(0);

  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill(password);
  await page.getByLabel("이름").fill("브라우저");
  await page.getByLabel("휴대폰 번호").fill("010-7777-8888");
  await page.getByLabel("[필수] 이용약관에 동의해요").check();
  await page.getByLabel("[필수] 개인정보 수집·이용에 동의해요").check();
  await page.getByLabel("[필수] 만 14세 이상이에요").check();
  await page.getByRole("button", { name: "가입하기" }).click();
  await expect(page.getByTestId("signup-done")).toContainText("메일을 확인해 주세요");

  // The worker relays the outbox event and writes the mail into the development mailbox.
  const mail = page.getByTestId("mail").filter({ hasText: email });
  await expect
    .poll(async () => {
      await page.goto("/dev/mailbox");
      return mail.count();
    })
    .toBe(1);
  await mail.getByRole("link").click();
  await expect(page).toHaveURL(/\/verify\?token=/);
  await page.getByRole("button", { name: "이메일 인증하기" }).click();
  await expect(page.locator("main").getByRole("status")).toContainText("이메일 인증이 끝났어요");

  // Signed out, the account page sends us to sign-in and back.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호").fill("Wrong!pass1");
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("이메일 또는 비밀번호가 맞지 않아요");
  await page.getByLabel("비밀번호").fill(password);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("profile-email")).toContainText(email);
  await expect(page.getByTestId("profile-email")).toContainText("인증됨");

  // The session cookie is HttpOnly and SameSite=Lax.
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");

  // Edit the profile.
  await page.getByLabel("이름").fill("새이름");
  await page.getByLabel("휴대폰 번호", { exact: true }).fill("abc");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByTestId("phone-error")).toContainText("휴대폰 번호를 확인");
  await page.getByLabel("휴대폰 번호", { exact: true }).fill("01012345678");
  await page.getByLabel("주소 (선택)").fill("서울특별시 종로구 1");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page.getByText("저장했어요.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("이름")).toHaveValue("새이름");
  await expect(page.getByLabel("휴대폰 번호", { exact: true })).toHaveValue("010-1234-5678");
  await expect(page.getByTestId("sessions").getByText("현재 기기")).toBeVisible();

  // Sign out: the session is revoked, and even the old cookie value no longer works.
  const oldCookie = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"))!;
  await page.getByRole("button", { name: "로그아웃" }).first().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/account"));
  await page.context().addCookies([oldCookie]);
  const res = await page.request.get("/api/me");
  expect(res.status()).toBe(401);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
});
