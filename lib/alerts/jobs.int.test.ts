// Alert mails through the outbox, pg-boss and the worker's own handlers (real PostgreSQL, Redis and pg-boss):
// the seller's opening schedules the T-10 job and a moved opening schedules another while the old one sends
// nothing; each subscriber gets one mail, in their language, however often the jobs run; the sweep takes an
// opening whose job never came; a restock mails the alerts of that size only when it comes back from zero.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/format";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { productCreateSchema } from "@/lib/seller/schemas";
import { archiveProduct, createProduct as createBySeller, restockProduct, updateProduct } from "@/lib/seller/service";
import { setProductVariants } from "@/lib/seller/variants";
import { createCategory, createProduct, createSeller, createUser } from "@/test/factories";
import { runJobsUntil } from "@/test/jobs";
import { fanOutOpening, OPENING_LEAD_MS, sweepOpeningAlerts } from "./fanout";
import { ALERT_MAIL_QUEUE, OPENING_DUE_QUEUE, OPENING_SET_QUEUE, RESTOCKED_QUEUE } from "./queues";
import { openingJobId } from "./schedule";
import { subscribe, unsubscribeByToken } from "./service";

beforeAll(async () => {
  await getBoss(); // pg-boss's tables, which the job look-ups below read
});
afterAll(async () => {
  await stopBoss();
});

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);
const scopeOf = (sellerId: string) => ({ sellerId, isAdmin: false });
const allQueues = [OPENING_SET_QUEUE, OPENING_DUE_QUEUE, RESTOCKED_QUEUE, ALERT_MAIL_QUEUE];

async function subscriber(locale: "ko" | "en" = "ko") {
  const email = `alert-${randomUUID().slice(0, 8)}@example.com`;
  return { email, user: await createUser({ emailEnc: encrypt(email), locale }) };
}
const mailsTo = (to: string) => db.devMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const mailed = (...emails: string[]) => async () => (await Promise.all(emails.map(mailsTo))).every((m) => m.length > 0);
const mailEvents = (alertId: string) => db.outboxEvent.count({ where: { topic: ALERT_MAIL_QUEUE, payload: { equals: { alertId } } } });
const dueJobs = (productId: string) =>
  db.$queryRaw<{ id: string; startAfter: Date; opensAt: string }[]>`
    SELECT id::text, start_after AS "startAfter", data->>'opensAt' AS "opensAt" FROM pgboss.job
    WHERE name = ${OPENING_DUE_QUEUE} AND data->>'productId' = ${productId} ORDER BY start_after`;
/** A delayed job made due now, as if its moment had come. */
const makeDue = (jobId: string) => db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE id = ${jobId}::uuid`;

describe("opening alerts", () => {
  it("T-10 is scheduled with the opening and again when it moves; the old job sends nothing; each subscriber gets one mail in their language", async () => {
    const seller = await createSeller();
    const category = await createCategory();
    const input = productCreateSchema.parse({
      name: `알림 드롭 ${randomUUID().slice(0, 6)}`, description: "한정판", price: 129_000, categoryId: category.id, type: "LIMITED",
      units: 10, perBuyerLimit: 1, saleStartsAt: inMinutes(120).toISOString(),
    });
    const drop = await createBySeller(scopeOf(seller.id), input);
    const first = drop.saleStartsAt!;
    await runJobsUntil([OPENING_SET_QUEUE], async () => (await dueJobs(drop.id)).length === 1);
    const [job] = await dueJobs(drop.id);
    expect(job.id).toBe(openingJobId(drop.id, first));
    expect(Math.abs(job.startAfter.getTime() - (first.getTime() - OPENING_LEAD_MS))).toBeLessThan(60_000);

    const ko = await subscriber("ko");
    const en = await subscriber("en");
    for (const s of [ko, en]) await subscribe(s.user.id, { productId: drop.id, kind: "OPENING" });

    // Moved an hour later: a second job at the new T-10; the first, once due, finds the drop moved.
    const later = (await updateProduct(scopeOf(seller.id), drop.id, { saleStartsAt: inMinutes(180) })).saleStartsAt!;
    await runJobsUntil([OPENING_SET_QUEUE], async () => (await dueJobs(drop.id)).length === 2);
    const moved = (await dueJobs(drop.id)).find((j) => j.id === openingJobId(drop.id, later))!;
    expect(Math.abs(moved.startAfter.getTime() - (later.getTime() - OPENING_LEAD_MS))).toBeLessThan(60_000);
    await makeDue(job.id);
    await runJobsUntil([OPENING_DUE_QUEUE], async () => (await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE id = ${job.id}::uuid AND state = 'completed'`).length === 1);
    expect(await db.alertSubscription.count({ where: { productId: drop.id, sentAt: { not: null } } })).toBe(0);

    // Moved to five minutes from now: T-10 has passed, so its job is due at once and mails both.
    const soon = (await updateProduct(scopeOf(seller.id), drop.id, { saleStartsAt: inMinutes(5) })).saleStartsAt!;
    await runJobsUntil(allQueues, mailed(ko.email, en.email));
    const [koMail] = await mailsTo(ko.email);
    const [enMail] = await mailsTo(en.email);
    expect(koMail.subject).toBe(`[Hurry Up] ${drop.name} 곧 오픈해요`);
    expect(koMail.text).toContain(`${formatDateTime(soon, "ko")}에 오픈해요`);
    expect(enMail.subject).toBe(`[Hurry Up] ${drop.name} opens soon`);
    expect(enMail.text).toContain(`opens at ${formatDateTime(soon, "en")}.`);
    for (const m of [koMail, enMail]) expect(m.text).toContain(`/products/${drop.id}`);

    // The hour-later job, come due, sends nothing more; the mail's unsubscribe link cancels the alert.
    await makeDue(moved.id);
    await runJobsUntil(allQueues, async () => (await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE id = ${moved.id}::uuid AND state = 'completed'`).length === 1);
    expect((await mailsTo(ko.email)).length + (await mailsTo(en.email)).length).toBe(2);
    const token = decodeURIComponent(/\/alerts\/unsubscribe\?token=(\S+)/.exec(enMail.text)![1]);
    expect((await unsubscribeByToken(token)).alert).toMatchObject({ productId: drop.id, kind: "OPENING" });
  });

  it("a drop taken off sale, or one that has opened, mails nobody", async () => {
    const s = await subscriber();
    const drop = await createProduct({ saleStartsAt: inMinutes(120) });
    await subscribe(s.user.id, { productId: drop.id, kind: "OPENING" });
    await archiveProduct(scopeOf(drop.sellerId), drop.id);
    expect(await fanOutOpening(drop.id, drop.saleStartsAt!)).toBe(0);
    const opened = await createProduct({ saleStartsAt: inMinutes(120) });
    await subscribe(s.user.id, { productId: opened.id, kind: "OPENING" });
    const at = inMinutes(-1);
    await db.product.update({ where: { id: opened.id }, data: { saleStartsAt: at } });
    expect(await fanOutOpening(opened.id, at)).toBe(0);
    expect(await db.alertSubscription.count({ where: { userId: s.user.id, sentAt: { not: null } } })).toBe(0);
  });

  it("one mail per subscriber however often the fan-out and the mail jobs run (retries, the sweep beside the job)", async () => {
    const drop = await createProduct({ saleStartsAt: inMinutes(120) });
    const subs = await Promise.all(Array.from({ length: 5 }, () => subscriber()));
    const alerts: { id: string }[] = [];
    for (const s of subs) alerts.push((await subscribe(s.user.id, { productId: drop.id, kind: "OPENING" })).alert);
    const opensAt = inMinutes(5);
    await db.product.update({ where: { id: drop.id }, data: { saleStartsAt: opensAt } }); // no job for this opening

    expect(await fanOutOpening(drop.id, opensAt, { batch: 2 })).toBe(5);
    expect(await fanOutOpening(drop.id, opensAt, { batch: 2 })).toBe(0); // the job retried
    const boss = await getBoss();
    await boss.send(OPENING_DUE_QUEUE, { productId: drop.id, opensAt: opensAt.toISOString() }); // delivered again
    await boss.send(ALERT_MAIL_QUEUE, { alertId: alerts[0].id }); // a mail job run twice
    await sweepOpeningAlerts();
    await runJobsUntil(allQueues, mailed(...subs.map((s) => s.email)));
    await runJobsUntil(allQueues, async () => (await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = ${ALERT_MAIL_QUEUE} AND data->>'alertId' = ${alerts[0].id} AND state < 'completed'`).length === 0);
    for (const s of subs) expect(await mailsTo(s.email)).toHaveLength(1);
    for (const a of alerts) expect(await mailEvents(a.id)).toBe(1);
  });

  it("the sweep mails an opening whose T-10 passed without a job (set outside the seller's forms)", async () => {
    const s = await subscriber("en");
    const drop = await createProduct({ saleStartsAt: inMinutes(120) });
    const { alert } = await subscribe(s.user.id, { productId: drop.id, kind: "OPENING" });
    await db.product.update({ where: { id: drop.id }, data: { saleStartsAt: inMinutes(8) } });
    expect(await sweepOpeningAlerts()).toBeGreaterThanOrEqual(1);
    await runJobsUntil([ALERT_MAIL_QUEUE], mailed(s.email));
    expect(await mailEvents(alert.id)).toBe(1);
  });
});

describe("restock alerts", () => {
  it("mail a size's alerts when that size comes back from zero, once; not on a size that had units, nor on another size", async () => {
    const shoe = await createProduct({ sizes: { units: { "260": 0, "270": 0, "280": 3 } } });
    const scope = scopeOf(shoe.sellerId);
    const [s260, s270, s280] = shoe.variants;
    const a = await subscriber("en");
    const b = await subscriber();
    await subscribe(a.user.id, { productId: shoe.id, kind: "RESTOCK", variantId: s270.id });
    const bAlert = (await subscribe(b.user.id, { productId: shoe.id, kind: "RESTOCK", variantId: s260.id })).alert;
    const restocked = (variantId: string | null) => db.outboxEvent.count({ where: { topic: RESTOCKED_QUEUE, payload: { equals: { productId: shoe.id, variantId } } } });

    await restockProduct(scope, shoe.id, 2, s270.id);
    await runJobsUntil(allQueues, mailed(a.email));
    const [mail] = await mailsTo(a.email);
    expect(mail.subject).toBe(`[Hurry Up] ${shoe.name} is back in stock`);
    expect(mail.text).toContain(`${shoe.name} (사이즈 270), which you asked us about, is back in stock.`);
    expect(await mailsTo(b.email)).toHaveLength(0);
    expect((await db.alertSubscription.findUniqueOrThrow({ where: { id: bAlert.id } })).sentAt).toBeNull();

    await restockProduct(scope, shoe.id, 1, s270.id); // 2 → 3: not a return from zero
    await restockProduct(scope, shoe.id, 1, s280.id); // had units
    expect(await restocked(s270.id)).toBe(1);
    expect(await restocked(s280.id)).toBe(0);

    // The seller's variant form giving 260 units back wakes 260's alert.
    await setProductVariants(scope, shoe.id, {
      options: [{ name: "사이즈", values: ["260", "270", "280"] }],
      variants: [s260, s270, s280].map((v, i) => ({ sku: v.sku, optionValues: v.optionValues, priceDelta: 0, units: [4, 3, 4][i] })),
    });
    await runJobsUntil(allQueues, mailed(b.email));
    expect(await restocked(s260.id)).toBe(1);
    expect(await mailsTo(a.email)).toHaveLength(1);
  });

  it("a product without options sold out as a whole wakes its alerts when its units come back", async () => {
    const mug = await createProduct({ units: 0 });
    const d = await subscriber();
    await subscribe(d.user.id, { productId: mug.id, kind: "RESTOCK" });
    await updateProduct(scopeOf(mug.sellerId), mug.id, { units: 5 });
    await runJobsUntil(allQueues, mailed(d.email));
    const [mail] = await mailsTo(d.email);
    expect(mail.subject).toBe(`[Hurry Up] ${mug.name} 재입고`);
    expect(mail.text).toContain(`${mug.name}이(가) 다시 입고되었어요.`);
  });
});
