import { describe, expect, it } from "vitest";
import { cancelRequestSchema, confirmRequestSchema, orderIdSchema, paymentSchema, paymentWebhookSchema, tossErrorSchema } from "./schemas";

// Shaped like the samples in Toss's documentation (API version 2022-11-16), trimmed.
const donePayment = {
  mId: "tosspayments",
  version: "2022-11-16",
  lastTransactionKey: "9C62B18EEF0DE3EB7F4422EB6D14BC6E",
  paymentKey: "5EnNZRJGvaBX7zk2yd8ydw26XvwXkLrx9POLqKQjmAw4b0e1",
  orderId: "a4CWyWY5m89PNh7xJwhk1",
  orderName: "토스 티셔츠 외 2건",
  status: "DONE",
  requestedAt: "2024-02-13T12:17:57+09:00",
  approvedAt: "2024-02-13T12:18:14+09:00",
  useEscrow: false,
  card: { issuerCode: "71", number: "43301234****123*", amount: 1000 },
  cancels: null,
  type: "NORMAL",
  failure: null,
  receipt: { url: "https://dashboard.tosspayments.com/receipt/redirection?transactionId=x" },
  currency: "KRW",
  totalAmount: 1000,
  balanceAmount: 1000,
  suppliedAmount: 909,
  vat: 91,
  method: "카드",
};

describe("paymentSchema", () => {
  it("accepts Toss's Payment object, keeps unknown fields and turns cancels: null into []", () => {
    const p = paymentSchema.parse(donePayment);
    expect(p.status).toBe("DONE");
    expect(p.cancels).toEqual([]);
    expect(p.receipt?.url).toContain("receipt");
    expect((p as Record<string, unknown>).card).toEqual(donePayment.card);
  });

  it("reads partial cancels", () => {
    const cancel = { transactionKey: "T1", cancelReason: "고객 변심", cancelAmount: 400, refundableAmount: 600, canceledAt: "2024-02-13T13:00:00+09:00", cancelStatus: "DONE" };
    const p = paymentSchema.parse({ ...donePayment, status: "PARTIAL_CANCELED", balanceAmount: 600, cancels: [cancel] });
    expect(p.cancels).toHaveLength(1);
    expect(p.cancels[0].cancelAmount).toBe(400);
  });

  it("rejects what the shop cannot act on: unknown status, fractional won, missing amounts", () => {
    expect(paymentSchema.safeParse({ ...donePayment, status: "PAID" }).success).toBe(false);
    expect(paymentSchema.safeParse({ ...donePayment, totalAmount: 10.5 }).success).toBe(false);
    expect(paymentSchema.safeParse({ ...donePayment, balanceAmount: undefined }).success).toBe(false);
  });

  it("reads a PAYMENT_STATUS_CHANGED webhook body", () => {
    expect(paymentWebhookSchema.parse({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: "2024-02-13T12:18:15.000000", data: donePayment }).data.orderId).toBe(donePayment.orderId);
  });
});

describe("request schemas", () => {
  it("orderId is 6–64 letters, digits, - or _", () => {
    expect(orderIdSchema.safeParse("abc-12").success).toBe(true);
    expect(orderIdSchema.safeParse("abc12").success).toBe(false);
    expect(orderIdSchema.safeParse("a".repeat(65)).success).toBe(false);
    expect(orderIdSchema.safeParse("order#123").success).toBe(false);
  });

  it("confirm needs integer won and cancel a reason", () => {
    expect(confirmRequestSchema.safeParse({ paymentKey: "k", orderId: "order-1", amount: 100.5 }).success).toBe(false);
    expect(cancelRequestSchema.safeParse({ cancelReason: "  " }).success).toBe(false);
    expect(cancelRequestSchema.safeParse({ cancelReason: "변심", cancelAmount: 0 }).success).toBe(false);
  });

  it("the error body is { code, message }", () => {
    expect(tossErrorSchema.safeParse({ code: "NOT_FOUND_PAYMENT", message: "존재하지 않는 결제 입니다." }).success).toBe(true);
    expect(tossErrorSchema.safeParse({ error: "nope" }).success).toBe(false);
  });
});
