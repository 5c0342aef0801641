// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Toss webhooks. Receiving only records the delivery (deduplicated) and its processing job in one
// transaction, so the answer is a quick 200. Processing never trusts the body: it looks the payment up
// through Toss's API and applies what Toss says now. A duplicate or a late, out-of-order delivery thus
// applies the current state, and each change lands once (guarded transitions, unique refund/entries).
import { createHash } from "node:crypto";
import { z } from "zod";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { toss } from "./gateway";
import { WEBHOOK_QUEUE } from "./queues";
import { completeRefund } from "./refunds";
import { webhookBodySchema } from "./schemas";
import { applyTossPayment } from "./service";
import { fieldErrors } from "@/lib/validation";

export { WEBHOOK_QUEUE } from "./queues";

export async function receiveTossWebhook(rawBody: string): Promise<{ duplicate: boolean; ignored?: boolean }> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "Body is not JSON");
  }
  // Virtual-account deposits only (this shop takes none): answer 200 so Toss does not retry, record nothing.
  if ((json as { eventType?: unknown } | null)?.eventType === "DEPOSIT_CALLBACK") return { duplicate: false, ignored: true };
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid webhook body", fieldErrors(parsed.error));
  const { eventType, createdAt, data } = parsed.data;
  const dedupKey = createHash("sha256")
    .update([eventType, data.paymentKey, data.orderId, data.status, createdAt, data.lastTransactionKey].map((v) => v ?? "").join("|"))
    .digest("hex");
  try {
    await db.$transaction(async (tx) => {
      const event = await tx.webhookEvent.create({
        data: { dedupKey, eventType, paymentKey: data.paymentKey ?? null, orderId: data.orderId ?? null, payload: parsed.data as Prisma.InputJsonValue },
      });
      await writeOutbox(tx, WEBHOOK_QUEUE, { webhookEventId: event.id });
    });
    return { duplicate: false };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return { duplicate: true };
    throw err;
  }
}

const jobSchema = z.object({ webhookEventId: z.uuid() });

/** The job handler. Throws when Toss cannot be asked right now, so pg-boss retries. */
export async function processTossWebhook(raw: unknown): Promise<void> {
  const { webhookEventId } = jobSchema.parse(raw);
  const event = await db.webhookEvent.findUnique({ where: { id: webhookEventId } });
  if (!event || event.processedAt) return;
  if (event.eventType === "PAYMENT_STATUS_CHANGED" && event.paymentKey) await syncFromToss(event.paymentKey);
  await db.webhookEvent.update({ where: { id: event.id }, data: { processedAt: clock.now() } });
}

async function syncFromToss(paymentKey: string): Promise<void> {
  const found = await toss().getPayment(paymentKey);
  if (found.kind === "declined") {
    log.warn({ code: found.code }, "webhook for a payment Toss does not know: ignored");
    return;
  }
  if (found.kind === "unknown") throw new Error(`toss look-up failed (${found.reason}); webhook retried later`);
  const p = found.payment;
  const order = await db.order.findUnique({ where: { id: p.orderId }, select: { id: true, status: true, amount: true, payment: { select: { paymentKey: true } } } });
  if (!order || order.payment?.paymentKey !== p.paymentKey) {
    log.warn({ orderId: p.orderId }, "webhook for a payment this shop did not start confirming: ignored");
    return;
  }
  // While the confirm is in flight its own answer settles the order; the webhook only settles what a lost
  // answer left behind (DONE/ABORTED/EXPIRED), and refunds the cancel API completed.
  if (order.status === "CONFIRMING" && p.status !== "IN_PROGRESS" && p.status !== "READY") await applyTossPayment(order.id, order.amount, p);
  else if (p.status === "CANCELED" || p.status === "PARTIAL_CANCELED") await completeRefund(order.id, p);
}
