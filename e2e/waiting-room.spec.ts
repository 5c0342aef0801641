// A drop sold through its waiting room, in a real browser: a buyer enters before the opening (the proof of
// work solves itself), sees the countdown, gets a place at the opening and watches it move, is let through
// and buys with the pass; a second buyer still waiting is told at once that the drop sold out. The crowd
// around them is placeholder places (a test hook), so the places are known without racing the random draw.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { closeE2eDb, createE2eProduct } from "./support/db";
import { roomCrowd, scheduleOpening } from "./support/hooks";

test.afterAll(closeE2eDb);

const aheadOf = async (page: Page) => Number((await page.getByTestId("room-ahead").textContent())?.replace(/\D/g, "") || NaN);

test("a buyer waits in the room, is let through and buys; a second buyer is told the drop sold out while waiting", async ({ page, browser }) => {
  const name = `E2E 대기실 한정판 ${randomUUID().slice(0, 4)}`;
  const drop = await createE2eProduct({ name, price: 149_000, units: 1, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 10 * 60_000), waitingRoom: true, admissionRate: 1 });

  await signIn(page, "buyer1@hurryup.dev");
  await page.goto(`/products/${drop.id}`);
  const room = page.getByTestId("waiting-room");
  await expect(room).toHaveAttribute("data-state", "outside");
  await expect(page.getByTestId("countdown")).toBeVisible();
  const enter = page.getByTestId("room-enter");
  await expect(enter).toHaveText("대기실 입장"); // the proof of work has solved itself
  await enter.click();
  await expect(room).toHaveAttribute("data-state", "prequeue");
  await expect(page.getByTestId("room-prequeue")).toHaveText("대기실에 들어왔어요. 오픈 순간 무작위로 순번이 정해져요.");

  // Ten people drew places before this buyer; the drop opens in three seconds; one person per second goes in.
  await roomCrowd(page.request, drop.id, "ahead", 10);
  await scheduleOpening(page.request, drop.id, 3);
  await expect(room).toHaveAttribute("data-state", "waiting");
  await expect(page.getByTestId("countdown")).toHaveCount(0);
  await expect(page.getByTestId("room-position")).toHaveText("11번째");
  await expect(page.getByTestId("room-units")).toHaveText("1개");
  const firstAhead = await aheadOf(page);
  expect(firstAhead).toBeGreaterThan(0);

  // A second buyer comes after the opening, behind a hundred more people.
  await roomCrowd(page.request, drop.id, "behind", 100);
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, "buyer2@hurryup.dev");
  await page2.goto(`/products/${drop.id}`);
  const room2 = page2.getByTestId("waiting-room");
  await expect(page2.getByTestId("room-enter")).toHaveText("대기실 입장");
  await page2.getByTestId("room-enter").click();
  await expect(room2).toHaveAttribute("data-state", "waiting");
  await expect(page2.getByTestId("room-position")).toHaveText("112번째");

  // The first buyer's place moves up, the turn comes, and the pass buys the unit.
  await expect.poll(() => aheadOf(page)).toBeLessThan(firstAhead);
  await expect(room).toHaveAttribute("data-state", "admitted", { timeout: 60_000 });
  await expect(page.getByTestId("room-admitted")).toContainText("차례가 되었어요!");
  await page.getByTestId("buy-button").click();
  await expect(page).toHaveURL(/\/orders\/HU-/);
  await expect(page.getByText(name)).toBeVisible();

  // Everyone still waiting hears it at once: sold out, the room closed.
  await expect(room2).toHaveAttribute("data-state", "sold_out");
  await expect(page2.getByTestId("room-sold-out")).toHaveText("매진되었어요. 기다려 주셔서 감사합니다. 대기실이 닫혔어요.");
  await other.close();
});
