// A drop alert (알림 신청) in a real browser: a guest presses "알림 신청" on an upcoming drop, signs in and comes
// back with the alert asked; the button works by keyboard; the account page lists it. The drop is then moved
// to open in five minutes (the seller's own update, through the test hook), so its T-10 job is due at once:
// the worker mails the alert, read in /dev/mailbox, with the product link and the unsubscribe link, which
// cancels the alert in a browser that is not signed in.
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "./support/auth";
import { closeE2eDb, createE2eProduct } from "./support/db";
import { scheduleOpening } from "./support/hooks";
import { expect, test } from "./support/test";

test.afterAll(async () => {
  await closeE2eDb();
});

test("a guest asks for a drop alert, signs in, gets the mail at T-10 and unsubscribes with its link", async ({ page, browser, baseURL }) => {
  const name = `E2E 알림 드롭 ${randomUUID().slice(0, 8)}`;
  const drop = await createE2eProduct({ name, price: 159_000, units: 5, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 2 * 3600_000) });

  // A guest: the button sends them to sign in, and the page they come back to asks for the alert.
  await page.goto(`/products/${drop.id}`);
  await expect(page.getByTestId("countdown")).toBeVisible();
  const alert = page.getByTestId("alert"); // the drop's one alert button: opening (no sizes here)
  await alert.getByRole("button", { name: "알림 신청" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("이메일").fill("buyer3@hurryup.dev");
  await page.getByLabel("비밀번호").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "로그인" }).click();
  await expect(page).toHaveURL(new RegExp(`/products/${drop.id}$`)); // the ?alert= parameter is dropped once asked
  await expect(alert).toHaveAttribute("data-on", "true");
  await expect(alert.getByRole("status")).toHaveText("오픈 10분 전에 메일로 알려 드릴게요.");

  // By keyboard: the one button keeps its focus while it cancels and asks again.
  const button = alert.getByRole("button");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveText("알림 신청");
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(button).toHaveText("오픈 알림 취소");
  await expect(alert).toHaveAttribute("data-on", "true");

  await page.goto("/account");
  await expect(page.getByTestId("my-alert").filter({ hasText: name })).toContainText("오픈 알림");

  // Five minutes before the opening: T-10 has passed, the job runs at once and the worker mails the alert.
  await scheduleOpening(page.request, drop.id, 300);
  const mail = page.getByTestId("mail").filter({ hasText: "buyer3@hurryup.dev" }).filter({ hasText: `${name} 곧 오픈해요` });
  await expect
    .poll(async () => {
      await page.goto("/dev/mailbox");
      return mail.count();
    }, { timeout: 120_000 }) // relay, schedule, fan-out, relay, mail: four worker hops on a busy machine
    .toBe(1);
  const productLink = mail.getByRole("link", { name: `${baseURL}/products/${drop.id}`, exact: true });
  await expect(productLink).toHaveCount(1);
  const unsubscribe = await mail.getByRole("link", { name: /\/alerts\/unsubscribe\?token=/ }).getAttribute("href");
  expect(unsubscribe).toMatch(new RegExp(`^${baseURL}/alerts/unsubscribe\\?token=`));
  await productLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // The unsubscribe link, in a browser nobody signed in to: it says what it cancels, and cancels it.
  const guestContext = await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const guest = await guestContext.newPage();
  await guest.goto(unsubscribe!);
  await expect(guest.getByTestId("unsubscribe-intro")).toContainText(`${name} 오픈 알림`);
  await guest.getByRole("button", { name: "알림 해지하기" }).click();
  const done = guest.getByRole("status").filter({ hasText: "알림을 해지했어요. 이 알림 메일은 더 이상 보내지 않아요." });
  await expect(done).toBeVisible();
  await guest.reload(); // the link again: it says the alert is cancelled, and has no button left
  await expect(done).toBeVisible();
  await expect(guest.getByRole("button", { name: "알림 해지하기" })).toHaveCount(0);
  await guestContext.close();

  await page.goto("/account");
  await expect(page.getByTestId("my-alert").filter({ hasText: name })).toHaveCount(0);
});
