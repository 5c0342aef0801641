// The shop's forms speak the shop's language, not the browser's: an empty or malformed field comes back
// from the server as the shop's own message under the field (in Korean, or English with the English
// locale), the control is marked invalid and described by that message, and the focus lands on the first
// field to fix. No browser validation bubble: every form has novalidate (components/ui/form.tsx), so the
// submit is never stopped by the browser — the messages appearing at all prove it reached the shop.
import type { Locator, Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { expect, test } from "./support/test";

const origin = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

const texts = {
  ko: { signIn: "로그인", signUp: "가입하기", email: "이메일", password: "비밀번호", required: "필수 항목이에요.", badEmail: "올바른 이메일 주소를 입력해 주세요.", consent: "필수 항목에 동의해 주세요." },
  en: { signIn: "Sign in", signUp: "Create account", email: "Email", password: "Password", required: "This field is required.", badEmail: "Enter a valid email address.", consent: "Please agree to this required item." },
} as const;

const inLocale = (page: Page, lang: "ko" | "en") => page.context().addCookies([{ name: "locale", value: lang, url: origin }]);

/** The field shows the shop's message, is marked invalid and is described by that message. */
async function expectFieldError(page: Page, control: Locator, name: string, text: string) {
  const error = page.getByTestId(`${name}-error`);
  await expect(error).toHaveText(text);
  await expect(control).toHaveAttribute("aria-invalid", "true");
  const errorId = await error.getAttribute("id");
  await expect(control).toHaveAttribute("aria-describedby", new RegExp(`(^| )${errorId}( |$)`));
  // No browser bubble: nothing stopped the submit, and the browser's own message (its language) is not shown.
  expect(await control.evaluate((el) => (el as HTMLInputElement).form?.noValidate)).toBe(true);
}

for (const lang of ["ko", "en"] as const) {
  const t = texts[lang];

  test(`sign-in in ${lang}: an empty form says what is missing in the shop's words, focus on the first field`, async ({ page }) => {
    await inLocale(page, lang);
    await page.goto("/signin");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: t.signIn, exact: true }) });
    await expect(form).toHaveAttribute("novalidate", "");
    await form.getByRole("button", { name: t.signIn, exact: true }).click();
    const email = page.getByLabel(t.email, { exact: true });
    await expectFieldError(page, email, "email", t.required);
    await expectFieldError(page, page.getByLabel(t.password, { exact: true }), "password", t.required);
    await expect(email).toBeFocused();
    // No form-wide "wrong email or password": nothing was tried.
    await expect(form.getByRole("alert")).toHaveCount(0);

    // A malformed address is said as such; the typed value stays.
    await email.fill("not-an-email");
    await form.getByRole("button", { name: t.signIn, exact: true }).click();
    await expectFieldError(page, email, "email", t.badEmail);
    await expect(email).toHaveValue("not-an-email");
    await expect(email).toBeFocused();
  });

  test(`sign-up in ${lang}: an empty form lists every missing field and consent in the shop's words`, async ({ page }) => {
    await inLocale(page, lang);
    await page.goto("/signup");
    const submit = page.getByRole("button", { name: t.signUp, exact: true });
    await expect(page.locator("form").filter({ has: submit })).toHaveAttribute("novalidate", "");
    await submit.click();
    const email = page.getByLabel(t.email, { exact: true });
    await expectFieldError(page, email, "email", t.required);
    await expectFieldError(page, page.getByLabel(t.password, { exact: true }), "password", t.required);
    await expectFieldError(page, page.locator("#f-name"), "name", t.required);
    await expectFieldError(page, page.locator("#f-phone"), "phone", t.required);
    for (const box of ["agreeTerms", "agreePrivacy", "confirmAge14"]) await expectFieldError(page, page.locator(`#f-${box}`), box, t.consent);
    await expect(email).toBeFocused();
  });
}

test("the reset request, the phone verification and the address book answer empty fields in Korean, not with a bubble", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByRole("button", { name: "재설정 메일 받기" }).click();
  await expectFieldError(page, page.getByLabel("이메일"), "email", texts.ko.required);
  await expect(page.getByLabel("이메일")).toBeFocused();

  // buyer2 has no verified phone: the verification form is open on the account page.
  await signIn(page, "buyer2@hurryup.dev");
  await page.goto("/account");
  await page.getByTestId("phone-send").click();
  await expectFieldError(page, page.getByTestId("phone-input"), "phone", texts.ko.required);
  await expect(page.getByTestId("phone-input")).toBeFocused();

  await page.goto("/account/addresses");
  await page.getByRole("button", { name: "새 배송지 추가" }).click();
  const form = page.getByTestId("address-form");
  await form.getByRole("button", { name: "저장" }).click();
  await expect(form.getByTestId("recipient-error")).toBeVisible();
  const recipient = form.getByLabel("받는 분");
  await expect(recipient).toHaveAttribute("aria-invalid", "true");
  await expect(recipient).toBeFocused();
  for (const name of ["recipient", "phone", "postcode", "address"]) await expect(form.getByTestId(`${name}-error`)).toHaveText("필수 항목이에요.");
});
