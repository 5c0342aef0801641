// Payment jobs for the worker (listed in worker/registry.ts). All idempotent: confirms and refunds
// resend the same Idempotency-Key, transitions are guarded, settlement entries and payouts are unique.
// Handlers are wrapped in arrows and names come from ./queues, so this module reads no service binding
// while loading (it was once evaluated inside an import circle through the job registry).
import { defineJob } from "@/lib/jobs/types";
import { sendPaidMail, sendRefundMail } from "./mail";
import { DAILY_SETTLEMENT_QUEUE, PAID_MAIL_QUEUE, RECONCILE_PAYMENTS_QUEUE, REFUND_MAIL_QUEUE, REFUND_REQUESTED_QUEUE, WEBHOOK_QUEUE } from "./queues";
import { reconcilePayments } from "./reconcile";
import { refundOrder } from "./refunds";
import { runDailySettlement } from "./settlement";
import { processTossWebhook } from "./webhooks";

export { DAILY_SETTLEMENT_QUEUE, RECONCILE_PAYMENTS_QUEUE };

export const paymentJobs = [
  defineJob({ queue: PAID_MAIL_QUEUE, handler: (data) => sendPaidMail(data), options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } }),
  defineJob({ queue: REFUND_MAIL_QUEUE, handler: (data) => sendRefundMail(data), options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } }),
  defineJob({
    queue: REFUND_REQUESTED_QUEUE,
    handler: async (data) => void (await refundOrder(data)),
    // Toss may be down for a while: keep retrying (same key) for about a day before dead-lettering.
    options: { retryLimit: 12, retryDelay: 30, retryBackoff: true },
  }),
  defineJob({ queue: WEBHOOK_QUEUE, handler: (data) => processTossWebhook(data), options: { retryLimit: 8, retryDelay: 10, retryBackoff: true } }),
  defineJob({
    queue: RECONCILE_PAYMENTS_QUEUE,
    schedule: "* * * * *",
    handler: async () => void (await reconcilePayments()),
    options: { retryLimit: 2, retryDelay: 20 },
  }),
  defineJob({
    queue: DAILY_SETTLEMENT_QUEUE,
    // 00:10 KST = 15:10 UTC; settles the previous UTC day's entries.
    schedule: "10 15 * * *",
    handler: async () => void (await runDailySettlement()),
    options: { retryLimit: 5, retryDelay: 60 },
  }),
];
