// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The money's mails, sent by the worker from outbox events: "payment complete" (written with PAID) and
// "refunded" (written with every refund Toss made: ours, a compensation, or the console's). Both are order
// mails (lib/mail/order-mail.ts) in the buyer's language; the address is read (and decrypted) when sending,
// so it never sits in the job tables.
import { z } from "zod";
import { text } from "@/lib/validation";
import { sendOrderMail } from "@/lib/orders/lifecycle/notify";

const payloadSchema = z.object({ orderId: text(64).min(6) });

export async function sendPaidMail(raw: unknown): Promise<void> {
  const { orderId } = payloadSchema.parse(raw);
  await sendOrderMail(orderId, "PAID");
}

const refundPayloadSchema = z.object({ orderId: text(64).min(6), paymentKey: text(200).min(1), amount: z.number().int() });

/** One "refunded" mail per refunded payment, with the amount given back. */
export async function sendRefundMail(raw: unknown): Promise<void> {
  const { orderId, paymentKey, amount } = refundPayloadSchema.parse(raw);
  await sendOrderMail(orderId, "REFUNDED", { amount, paymentKey });
}
