import "server-only";
// What a failed payment window means for the order (docs/payments.md): neither a closed window nor a
// declined card ends the order; it stays PENDING_PAYMENT with its units held and can be paid again until
// the hold ends. Shared by the failUrl page (app/payments/fail) and its JSON twin (GET /api/payments/fail).
import { clock } from "@/lib/clock";
import { getOrderPayment } from "./queries";
import { retryableFailCodes, type FailQuery } from "./schemas";
import { DECLINE_CODES } from "./confirm";

export type FailureOutcome = "canceled" | "declined" | "failed";

export const failureOutcome = (code: string): FailureOutcome => (retryableFailCodes.has(code) ? "canceled" : DECLINE_CODES.has(code) ? "declined" : "failed");

/** The caller's order as it stands after the failure (null: no such order of theirs), and whether it can still be paid. */
export async function describePaymentFailure(userId: string, q: FailQuery) {
  const order = q.orderId ? await getOrderPayment(q.orderId, userId) : null;
  const payable = order?.status === "PENDING_PAYMENT" && !!order.holdExpiresAt && order.holdExpiresAt > clock.now();
  return { outcome: failureOutcome(q.code), code: q.code, payable, order };
}
