// The order jobs through the outbox and pg-boss: mails sent once, the next step scheduled once as a
// delayed job, and a handler failing past its last try landing in the dead letters admins see.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { listDeadLetters } from "@/lib/jobs/dead-letters";
import { ensureQueue } from "@/lib/jobs/queues";
import { drainQueue } from "@/lib/jobs/runner";
import { queueOf } from "@/lib/jobs/types";
import { jobs } from "@/worker/registry";
import { orderMailId } from "@/lib/mail/order-mail";
import { createProduct, createUser } from "@/test/factories";
import { runJobsNow, runJobsUntil } from "@/test/jobs";
import { backdate, markPaid, placeTestOrder, statusOf } from "@/test/orders";
import { ADVANCE_QUEUE } from "./schedule";
import { onOrderStatusChanged, ORDER_CREATED_TOPIC } from "./notify";

afterAll(async () => {
  await stopBoss();
});

async function buyerWithEmail() {
  const email = `buyer-${randomUUID().slice(0, 8)}@example.com`;
  return { email, user: await createUser({ emailEnc: encrypt(email) }) };
}
const mailsTo = (to: string) => db.devMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("order jobs", () => {
  it("mails 'order placed' through the outbox once, even when the job runs again", async () => {
    const { email, user } = await buyerWithEmail();
    const p = await createProduct({ price: 21_000 });
    const id = await placeTestOrder(user.id, [{ productId: p.id, quantity: 1 }]);
    await runJobsUntil([ORDER_CREATED_TOPIC], async () => (await mailsTo(email)).length > 0);
    const boss = await getBoss();
    await ensureQueue(boss, queueOf(jobs, ORDER_CREATED_TOPIC));
    await boss.send(ORDER_CREATED_TOPIC, { orderId: id, userId: user.id }); // a duplicate delivery
    await runJobsNow([ORDER_CREATED_TOPIC]);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ id: orderMailId(id, "placed") });
    expect(mails[0].subject).toContain(id);
    expect(mails[0].text).toContain("₩21,000");
    expect(mails[0].text).toContain(`/orders/${id}`);
  });

  it("a move into PAID schedules shipping once, as a job delayed by ORDER_SHIP_DELAY_SECONDS; shipping mails the buyer", async () => {
    const { email, user } = await buyerWithEmail();
    const p = await createProduct();
    const id = await placeTestOrder(user.id, [{ productId: p.id, quantity: 1 }]);
    await markPaid(id);
    await onOrderStatusChanged({ orderId: id, from: "CONFIRMING", to: "PAID" });
    await onOrderStatusChanged({ orderId: id, from: "CONFIRMING", to: "PAID" }); // retried handler
    const delayed = await db.$queryRaw<{ delay: number }[]>`
      SELECT extract(epoch FROM start_after - created_on)::float AS delay FROM pgboss.job WHERE name = ${ADVANCE_QUEUE} AND data->>'orderId' = ${id}`;
    expect(delayed).toHaveLength(1);
    expect(Math.round(delayed[0].delay)).toBe(env.ORDER_SHIP_DELAY_SECONDS);
    expect(await statusOf(id)).toBe("PAID");

    await backdate(id, "PAID", env.ORDER_SHIP_DELAY_SECONDS + 1);
    const boss = await getBoss();
    await boss.send(ADVANCE_QUEUE, { orderId: id, step: "ship" }); // as the delayed job would, once due
    await runJobsNow([ADVANCE_QUEUE]);
    expect(await statusOf(id)).toBe("SHIPPING");
    await onOrderStatusChanged({ orderId: id, from: "PAID", to: "SHIPPING" });
    await onOrderStatusChanged({ orderId: id, from: "PAID", to: "SHIPPING" });
    expect((await mailsTo(email)).map((m) => m.id)).toEqual([orderMailId(id, "SHIPPING")]);
  });

  it("a handler failing past its last retry lands in the dead letters listed for admins", async () => {
    const marker = `bad-${randomUUID()}`;
    const boss = await getBoss();
    await ensureQueue(boss, queueOf(jobs, ADVANCE_QUEUE));
    // An unknown step fails the handler's validation every time; one retry, no delay.
    await boss.send(ADVANCE_QUEUE, { orderId: marker, step: "teleport" }, { retryLimit: 1, retryDelay: 0, retryBackoff: false });
    const mine = async () => (await listDeadLetters({ page: 1, pageSize: 100, queue: ADVANCE_QUEUE })).items.filter((d) => (d.data as { orderId?: string }).orderId === marker);
    let failed = 0;
    // Earlier files' jobs may be ahead of it: a ceiling in time, not in rounds.
    for (const until = Date.now() + 60_000; (await mine()).length === 0 && Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
      failed += (await drainQueue(jobs, ADVANCE_QUEUE, { max: 500 })).failed;
    }
    expect(failed).toBeGreaterThanOrEqual(2);
    const dead = await mine();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ queue: ADVANCE_QUEUE, deadLetterQueue: `${ADVANCE_QUEUE}-dead`, data: { step: "teleport" } });
    expect(dead[0].error).toMatch(/step/);
    const open = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM pgboss.job WHERE name = ${ADVANCE_QUEUE} AND data->>'orderId' = ${marker} AND state < 'completed'`;
    expect(Number(open[0].n)).toBe(0);
  });
});
