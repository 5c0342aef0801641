// Asking for alerts against real PostgreSQL and Redis: asking twice is one alert, the refusals are 409s with
// their codes, an alert asked inside the last ten minutes is mailed at once and once only, the mail's token
// unsubscribes without signing in, and a buyer's writes are rate-limited.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { ALERT_WRITES_PER_MINUTE } from "@/lib/rate-limit";
import { createProduct, createUser } from "@/test/factories";
import { OPENING_LEAD_MS } from "./fanout";
import { listMyAlerts } from "./queries";
import { ALERT_MAIL_QUEUE } from "./queues";
import { cancelAlert, subscribe, unsubscribeByToken } from "./service";
import { unsubscribeToken } from "./token";

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: AppError) => e.code);
const mailEvents = (alertId: string) => db.outboxEvent.count({ where: { topic: ALERT_MAIL_QUEUE, payload: { equals: { alertId } } } });

describe("asking for an alert", () => {
  it("is idempotent: twice, or twice at once, is one alert; a cancelled one is asked again as the same row", async () => {
    const user = await createUser();
    const drop = await createProduct({ type: "LIMITED", saleStartsAt: inMinutes(120), perBuyerLimit: 1 });
    const first = await subscribe(user.id, { productId: drop.id, kind: "OPENING" });
    expect(first.created).toBe(true);
    expect(first.alert).toMatchObject({ kind: "OPENING", productId: drop.id, variantId: null, sentAt: null, opensAt: drop.saleStartsAt!.toISOString() });
    const again = await subscribe(user.id, { productId: drop.id, kind: "OPENING" });
    expect(again).toEqual({ alert: first.alert, created: false });

    const other = await createUser();
    const both = await Promise.all([subscribe(other.id, { productId: drop.id, kind: "OPENING" }), subscribe(other.id, { productId: drop.id, kind: "OPENING" })]);
    expect(both[0].alert.id).toBe(both[1].alert.id);
    expect(await db.alertSubscription.count({ where: { productId: drop.id } })).toBe(2);

    await cancelAlert(user.id, first.alert.id);
    await cancelAlert(user.id, first.alert.id); // cancelled already: fine
    expect(await listMyAlerts(user.id)).toEqual([]);
    const back = await subscribe(user.id, { productId: drop.id, kind: "OPENING" });
    expect(back).toMatchObject({ created: true, alert: { id: first.alert.id } });
    expect(await codeOf(cancelAlert(other.id, first.alert.id))).toBe("NOT_FOUND"); // not theirs
  });

  it("a restock alert waits for one sold-out size, or for the whole product; a product's only variant is the product", async () => {
    const user = await createUser();
    const shoe = await createProduct({ sizes: { units: { "260": 0, "270": 0, "280": 3 } } });
    const [s260, s270, s280] = shoe.variants;
    const a = await subscribe(user.id, { productId: shoe.id, kind: "RESTOCK", variantId: s270.id });
    expect(a.alert).toMatchObject({ variantId: s270.id, variantLabel: "사이즈 270" });
    expect((await subscribe(user.id, { productId: shoe.id, kind: "RESTOCK", variantId: s260.id })).created).toBe(true);
    expect(await codeOf(subscribe(user.id, { productId: shoe.id, kind: "RESTOCK", variantId: s280.id }))).toBe("ALERT_NOT_SOLD_OUT");
    expect(await codeOf(subscribe(user.id, { productId: shoe.id, kind: "RESTOCK" }))).toBe("ALERT_NOT_SOLD_OUT"); // 280 has units

    const mug = await createProduct({ units: 0 });
    const whole = await subscribe(user.id, { productId: mug.id, kind: "RESTOCK", variantId: mug.variants[0].id });
    expect(whole.alert.variantId).toBeNull();
    expect((await subscribe(user.id, { productId: mug.id, kind: "RESTOCK" })).created).toBe(false);
    expect((await listMyAlerts(user.id, shoe.id)).map((x) => x.variantId).sort()).toEqual([s260.id, s270.id].sort());
  });

  it("refuses with codes: an opening alert for an open, ended or unscheduled drop; a restock alert before or after the sale", async () => {
    const user = await createUser();
    const ask = (productId: string, kind: "OPENING" | "RESTOCK", variantId?: string) => codeOf(subscribe(user.id, { productId, kind, variantId }));
    const open = await createProduct({ saleStartsAt: inMinutes(-5) });
    const ended = await createProduct({ saleStartsAt: inMinutes(-60), saleEndsAt: inMinutes(-1), units: 0 });
    const unscheduled = await createProduct();
    const upcomingEmpty = await createProduct({ saleStartsAt: inMinutes(60), units: 0 });
    const archived = await createProduct({ saleStartsAt: inMinutes(60), status: "ARCHIVED" });
    expect(await ask(open.id, "OPENING")).toBe("ALERT_NOT_UPCOMING");
    expect(await ask(ended.id, "OPENING")).toBe("ALERT_NOT_UPCOMING");
    expect(await ask(unscheduled.id, "OPENING")).toBe("ALERT_NOT_UPCOMING");
    expect(await ask(archived.id, "OPENING")).toBe("ALERT_NOT_UPCOMING");
    expect(await ask(ended.id, "RESTOCK")).toBe("ALERT_NOT_SOLD_OUT");
    expect(await ask(upcomingEmpty.id, "RESTOCK")).toBe("ALERT_NOT_SOLD_OUT");
    expect(await ask(open.id, "RESTOCK")).toBe("ALERT_NOT_SOLD_OUT");
    expect(await ask(randomUUID(), "OPENING")).toBe("NOT_FOUND");
    expect(await ask((await createProduct({ status: "DRAFT", saleStartsAt: inMinutes(60) })).id, "OPENING")).toBe("NOT_FOUND");
    expect(await ask(upcomingEmpty.id, "RESTOCK", open.variants[0].id)).toBe("NOT_FOUND"); // another product's variant
    expect(await db.alertSubscription.count({ where: { userId: user.id } })).toBe(0);
  });

  it("inside the last ten minutes the mail goes at once, once: asking again or after a cancel adds no second mail", async () => {
    const user = await createUser();
    const far = await createProduct({ saleStartsAt: new Date(Date.now() + OPENING_LEAD_MS + 30 * 60_000) });
    const waiting = await subscribe(user.id, { productId: far.id, kind: "OPENING" });
    expect(await mailEvents(waiting.alert.id)).toBe(0);

    const soon = await createProduct({ saleStartsAt: inMinutes(5) });
    const { alert } = await subscribe(user.id, { productId: soon.id, kind: "OPENING" });
    expect(alert.sentAt).not.toBeNull();
    expect(await mailEvents(alert.id)).toBe(1);
    await subscribe(user.id, { productId: soon.id, kind: "OPENING" });
    await cancelAlert(user.id, alert.id);
    expect((await subscribe(user.id, { productId: soon.id, kind: "OPENING" })).alert.sentAt).toBe(alert.sentAt);
    expect(await mailEvents(alert.id)).toBe(1);
  });

  it("rate-limits a buyer's writes", async () => {
    const user = await createUser();
    const drop = await createProduct({ saleStartsAt: inMinutes(120) });
    for (let i = 0; i < ALERT_WRITES_PER_MINUTE; i++) await subscribe(user.id, { productId: drop.id, kind: "OPENING" });
    expect(await codeOf(subscribe(user.id, { productId: drop.id, kind: "OPENING" }))).toBe("RATE_LIMITED");
    expect(await codeOf(subscribe((await createUser()).id, { productId: drop.id, kind: "OPENING" }))).toBe("ok");
  });
});

describe("the unsubscribe token", () => {
  it("cancels the alert it names, without a session, as often as it is used; a forged or foreign token is 404", async () => {
    const user = await createUser();
    const drop = await createProduct({ saleStartsAt: inMinutes(120) });
    const { alert } = await subscribe(user.id, { productId: drop.id, kind: "OPENING" });
    const token = unsubscribeToken(alert.id);
    expect(await unsubscribeByToken(token)).toEqual({ alert, unsubscribed: true });
    expect(await unsubscribeByToken(token)).toEqual({ alert, unsubscribed: true });
    expect(await listMyAlerts(user.id)).toEqual([]);
    expect((await db.alertSubscription.findUniqueOrThrow({ where: { id: alert.id } })).cancelledAt).not.toBeNull();

    const forged = `${alert.id}.${"A".repeat(43)}`;
    expect(await codeOf(unsubscribeByToken(forged))).toBe("NOT_FOUND");
    const elsewhere = unsubscribeToken(randomUUID()); // well signed, but no such alert
    expect(await codeOf(unsubscribeByToken(elsewhere))).toBe("NOT_FOUND");
    // One alert's token is not another's.
    const second = (await subscribe(user.id, { productId: (await createProduct({ saleStartsAt: inMinutes(90) })).id, kind: "OPENING" })).alert;
    expect(await codeOf(unsubscribeByToken(`${second.id}.${token.split(".")[1]}`))).toBe("NOT_FOUND");
  });
});
