// A PaymentRecord as Toss's Payment object (API version 2022-11-16), with the fields Toss sends.
import { kstIso } from "./http-util";
import type { PaymentRecord } from "./state";

export function toPaymentJson(r: PaymentRecord, baseUrl: string) {
  const vat = Math.round(r.amount / 11);
  const paid = r.approvedAt !== undefined;
  return {
    mId: "tosspayments",
    version: "2022-11-16",
    lastTransactionKey: r.lastTransactionKey ?? null,
    paymentKey: r.paymentKey,
    orderId: r.orderId,
    orderName: r.orderName,
    taxExemptionAmount: 0,
    status: r.status,
    requestedAt: kstIso(r.requestedAt),
    approvedAt: paid ? kstIso(r.approvedAt!) : null,
    useEscrow: false,
    cultureExpense: false,
    card: paid
      ? { issuerCode: "71", acquirerCode: "71", number: "43301234****123*", installmentPlanMonths: 0, isInterestFree: false, interestPayer: null, approveNo: "00000000", useCardPoint: false, cardType: "신용", ownerType: "개인", acquireStatus: "READY", amount: r.amount }
      : null,
    virtualAccount: null,
    transfer: null,
    mobilePhone: null,
    giftCertificate: null,
    cashReceipt: null,
    cashReceipts: null,
    discount: null,
    cancels: r.cancels.length
      ? r.cancels.map((c) => ({
          transactionKey: c.transactionKey,
          cancelReason: c.cancelReason,
          taxExemptionAmount: 0,
          canceledAt: kstIso(c.canceledAt),
          easyPayDiscountAmount: 0,
          receiptKey: null,
          cancelAmount: c.cancelAmount,
          taxFreeAmount: 0,
          refundableAmount: c.refundableAmount,
          cancelStatus: "DONE",
          cancelRequestId: null,
        }))
      : null,
    secret: null,
    type: "NORMAL",
    easyPay: null,
    country: "KR",
    failure: r.failure ?? null,
    isPartialCancelable: true,
    receipt: paid ? { url: `${baseUrl}/receipt/${encodeURIComponent(r.paymentKey)}` } : null,
    checkout: { url: `${baseUrl}/checkout` },
    currency: "KRW",
    totalAmount: r.amount,
    balanceAmount: r.balanceAmount,
    suppliedAmount: r.amount - vat,
    vat,
    taxFreeAmount: 0,
    method: "카드",
    metadata: null,
  };
}

export type PaymentJson = ReturnType<typeof toPaymentJson>;
