// Toss's payment API as the fake answers it: confirm, look-ups and cancel, with Toss's status codes and
// error bodies. Pure functions of the state: the server wraps them with auth, faults and idempotency.
import { cancelRequestSchema, confirmRequestSchema } from "@/lib/payments/toss/schemas";
import type { FakeConfig } from "./config";
import { tossError, type Reply } from "./http-util";
import { toPaymentJson } from "./payment-object";
import { chance, type Rng } from "./rng";
import { transactionKey, type CancelOrigin, type FakeState, type PaymentRecord } from "./state";

export type ApiContext = {
  state: FakeState;
  config: () => FakeConfig;
  now: () => number;
  declineRng: Rng;
  baseUrl: () => string;
  /** Called after every status change (webhooks). */
  changed: (record: PaymentRecord) => void;
};

const notFound = () => tossError(404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다.");
const invalid = (message: string) => tossError(400, "INVALID_REQUEST", message);
const ok = (ctx: ApiContext, r: PaymentRecord): Reply => ({ status: 200, body: toPaymentJson(r, ctx.baseUrl()) });

export function confirm(ctx: ApiContext, body: unknown): Reply {
  const parsed = confirmRequestSchema.safeParse(body);
  if (!parsed.success) return invalid(`잘못된 요청입니다. (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")})`);
  const { paymentKey, orderId, amount } = parsed.data;
  const record = ctx.state.get(paymentKey, ctx.config().sessionTtlMs);
  if (!record) return notFound();
  // Toss: a paymentKey confirmed with another order's orderId is refused, not looked up elsewhere.
  if (record.orderId !== orderId) return tossError(403, "FORBIDDEN_REQUEST", "허용되지 않은 요청입니다.");
  if (record.status === "EXPIRED") return tossError(404, "NOT_FOUND_PAYMENT_SESSION", "결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.");
  if (record.status !== "IN_PROGRESS") return tossError(400, "ALREADY_PROCESSED_PAYMENT", "이미 처리된 결제 입니다.");
  // A forged amount confirms nothing; the session stays open for a confirm with the right amount.
  if (amount !== record.amount) return invalid("결제 금액이 일치하지 않습니다.");
  if (record.fate === "decline" || chance(ctx.declineRng, ctx.config().declineRate)) {
    record.status = "ABORTED";
    record.failure = { code: "REJECT_CARD_PAYMENT", message: "한도초과 혹은 잔액부족으로 결제에 실패했습니다." };
    ctx.changed(record);
    return tossError(403, record.failure.code, record.failure.message);
  }
  const at = ctx.now();
  record.status = "DONE";
  record.approvedAt = at;
  record.lastTransactionKey = transactionKey();
  ctx.state.charges.push({ paymentKey, orderId, amount, at });
  ctx.changed(record);
  return ok(ctx, record);
}

export function getByKey(ctx: ApiContext, paymentKey: string): Reply {
  const record = ctx.state.get(paymentKey, ctx.config().sessionTtlMs);
  return record ? ok(ctx, record) : notFound();
}

export function getByOrder(ctx: ApiContext, orderId: string): Reply {
  const record = ctx.state.getByOrder(orderId, ctx.config().sessionTtlMs);
  return record ? ok(ctx, record) : notFound();
}

/** Cancel through the API (the shop) or from Toss's console (an operator): same rules, same webhook. */
export function cancel(ctx: ApiContext, paymentKey: string, body: unknown, origin: CancelOrigin = "api"): Reply {
  const parsed = cancelRequestSchema.safeParse(body);
  if (!parsed.success) return invalid(`잘못된 요청입니다. (${parsed.error.issues.map((i) => i.path.join(".")).join(", ")})`);
  const record = ctx.state.get(paymentKey, ctx.config().sessionTtlMs);
  if (!record) return notFound();
  if (record.status === "CANCELED") return tossError(400, "ALREADY_CANCELED_PAYMENT", "이미 취소된 결제 입니다.");
  if (record.status !== "DONE" && record.status !== "PARTIAL_CANCELED") return tossError(403, "NOT_CANCELABLE_PAYMENT", "취소 할 수 없는 결제 입니다.");
  const amount = parsed.data.cancelAmount ?? record.balanceAmount;
  if (amount > record.balanceAmount) return tossError(403, "NOT_CANCELABLE_AMOUNT", "취소 할 수 없는 금액 입니다.");
  const at = ctx.now();
  const key = transactionKey();
  record.balanceAmount -= amount;
  record.status = record.balanceAmount === 0 ? "CANCELED" : "PARTIAL_CANCELED";
  record.lastTransactionKey = key;
  record.cancels.push({ transactionKey: key, cancelReason: parsed.data.cancelReason, cancelAmount: amount, refundableAmount: record.balanceAmount, canceledAt: at, origin });
  ctx.state.refunds.push({ paymentKey, orderId: record.orderId, amount, transactionKey: key, at, origin });
  ctx.changed(record);
  return ok(ctx, record);
}
