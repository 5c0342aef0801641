// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Toss webhooks. Receiving is cheap and cannot be used to amplify: the body is size-capped and
// rate-limited (route + here), only PAYMENT_STATUS_CHANGED is considered (DEPOSIT_CALLBACK and the rest are
// answered 200 and ignored), and a body is recorded only when it names a payment of ours — one indexed
// read checks the paymentKey (Payment, Refund) and the orderId (Order). A body naming only our orderId
// with a paymentKey we do not know (a second payment for the order, which must be compensated) is also
// limited per order. Nothing else gets a database row, a job or a Toss look-up.
// Recording writes the delivery (deduplicated) and its processing job in one transaction, so the answer is
// a quick 200. Processing never trusts the body: it looks the payment up through Toss's API and applies
// what Toss says now (record.ts applyTossRecord), so a duplicate or a late, out-of-order delivery applies
// the current state, and each change lands once (guarded transitions, unique refund/entries).
import { createHash } from "node:crypto";
import { z } from "zod";
import { parseJsonText, tooLarge } from "@/lib/body";
import { clock } from "@/lib/clock";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { limiters, tryConsume, WEBHOOK_MISSES_PER_MINUTE } from "@/lib/rate-limit";
import { toss } from "./gateway";
import { WEBHOOK_QUEUE } from "./queues";
import { webhookBodySchema } from "./schemas";
import { applyTossRecord } from "./record";
import { fieldErrors } from "@/lib/validation";

export { WEBHOOK_QUEUE } from "./queues";

/** Toss's bodies are a Payment object: a few kB. Anything far larger is not Toss. */
export const WEBHOOK_MAX_BYTES = 64 * 1024;

/** Throws RATE_LIMITED (429: Toss retries later) when this source sends too much. */
export async function assertWebhookRate(ip: string): Promise<void> {
  if (!(await tryConsume(limiters.webhookIp, ip))) throw new AppError("RATE_LIMITED", "Too many webhook deliveries", undefined, { retryAfter: 10 });
}

export type WebhookReceipt = { duplicate: boolean; ignored?: "event_type" | "not_ours" | "limited" };

export async function receiveTossWebhook(rawBody: string, opts: { ip?: string } = {}): Promise<WebhookReceipt> {
  if (Buffer.byteLength(rawBody) > WEBHOOK_MAX_BYTES) throw tooLarge();
  const json = parseJsonText(rawBody); // nesting capped before parsing: a deep tree is a 400, not a RangeError
  // Virtual-account deposits only (this shop takes none): answer 200 so Toss does not retry, record nothing.
  if ((json as { eventType?: unknown } | null)?.eventType === "DEPOSIT_CALLBACK") return { duplicate: false, ignored: "event_type" };
  const parsed = webhookBodySchema.safeParse(json);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid webhook body", fieldErrors(parsed.error));
  const { eventType, data } = parsed.data;
  // DEPOSIT_CALLBACK (virtual accounts, not offered here) and anything else: 200 so Toss stops, nothing kept.
  if (eventType !== "PAYMENT_STATUS_CHANGED" || !data.paymentKey) return { duplicate: false, ignored: "event_type" };
  const ip = opts.ip ?? "unknown";
  const miss = limiters.webhookIpMiss;
  // A source that keeps naming nothing of ours is refused before it costs even the read below.
  const probing = await miss.get(ip);
  if (probing && probing.consumedPoints >= WEBHOOK_MISSES_PER_MINUTE) throw new AppError("RATE_LIMITED", "Too many webhook deliveries", undefined, { retryAfter: 60 });

  const [match] = await db.$queryRaw<{ key: boolean; order: boolean }[]>`
    SELECT (EXISTS (SELECT 1 FROM "Payment" WHERE "paymentKey" = ${data.paymentKey})
         OR EXISTS (SELECT 1 FROM "Refund" WHERE "paymentKey" = ${data.paymentKey})) AS key,
           EXISTS (SELECT 1 FROM "Order" WHERE id = ${data.orderId ?? ""}) AS order`;
  if (!match?.key && !match?.order) {
    await tryConsume(miss, ip);
    return { duplicate: false, ignored: "not_ours" };
  }
  if (!match.key && !(await tryConsume(limiters.webhookForeignKey, data.orderId!))) {
    log.warn({ orderId: data.orderId }, "many webhooks naming unknown payments of one order: ignored (reconciliation still covers it)");
    return { duplicate: false, ignored: "limited" };
  }
  // Not createdAt: a replayed body with another timestamp is the same change.
  const dedupKey = createHash("sha256")
    .update([eventType, data.paymentKey, data.orderId, data.status, data.lastTransactionKey].map((v) => v ?? "").join("|"))
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
    if (isUniqueViolation(err)) return { duplicate: true };
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

/** Applies Toss's current record of the payment (never the body) to our order. */
export async function syncFromToss(paymentKey: string): Promise<void> {
  const found = await toss().getPayment(paymentKey);
  if (found.kind === "declined") {
    log.warn({ code: found.code }, "webhook for a payment Toss does not know: ignored");
    return;
  }
  if (found.kind === "unknown") throw new Error(`toss look-up failed (${found.reason}); webhook retried later`);
  await applyTossRecord(found.payment);
}
