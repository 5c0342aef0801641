// The payment summary's markup, shared by the server's PaymentSummary and the success page's client
// island (which gets the order as JSON: dates may be strings). Texts come in as props.
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { methodLabel } from "@/components/orders/event-note-text";

type When = Date | string;
type OrderStatus = keyof Messages["orders"]["status"];
export type PaymentSummaryOrder = {
  status: OrderStatus;
  amount: number;
  holdExpiresAt: When | null;
  payment: { method: string | null; approvedAt: When | null } | null;
  refund: { status: "REQUESTED" | "DONE" | "FAILED"; amount: number } | null;
};
export type PaymentSummaryTexts = { payments: Messages["payments"]; statuses: Messages["orders"]["status"]; codes: Messages["codes"] };

export function PaymentSummaryView({ order, texts, locale }: { order: PaymentSummaryOrder; texts: PaymentSummaryTexts; locale: Locale }) {
  const t = texts.payments;
  const refundLabel = { REQUESTED: t.refundRequested, DONE: t.refundDone, FAILED: t.refundFailed } as const;
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm" data-testid="payment-summary">
      <dt className="text-gray-500">{t.status}</dt>
      <dd data-testid="payment-order-status">{texts.statuses[order.status]}</dd>
      <dt className="text-gray-500">{t.amount}</dt>
      <dd>{formatPrice(order.amount)}</dd>
      {order.status === "PENDING_PAYMENT" && order.holdExpiresAt && (
        <>
          <dt className="text-gray-500">{t.holdUntil}</dt>
          <dd>{formatDateTime(order.holdExpiresAt, locale)}</dd>
        </>
      )}
      {order.payment?.method && (
        <>
          <dt className="text-gray-500">{t.method}</dt>
          <dd>{methodLabel(order.payment.method, texts.codes)}</dd>
        </>
      )}
      {order.payment?.approvedAt && (
        <>
          <dt className="text-gray-500">{t.approvedAt}</dt>
          <dd>{formatDateTime(order.payment.approvedAt, locale)}</dd>
        </>
      )}
      {order.refund && (
        <>
          <dt className="text-gray-500">{t.refund}</dt>
          <dd data-testid="refund-status">
            {refundLabel[order.refund.status]} · {formatPrice(order.refund.amount)}
          </dd>
        </>
      )}
    </dl>
  );
}
