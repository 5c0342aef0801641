// An order's payment as the buyer sees it: status, amount, method, approval time and any refund.
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { OrderPaymentView } from "@/lib/payments/queries";

export async function PaymentSummary({ order }: { order: OrderPaymentView }) {
  const [messages, locale] = [await getMessages(), await getLocale()];
  const t = messages.payments;
  const refundLabel = { REQUESTED: t.refundRequested, DONE: t.refundDone, FAILED: t.refundFailed } as const;
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm" data-testid="payment-summary">
      <dt className="text-gray-500">{t.status}</dt>
      <dd data-testid="payment-order-status">{messages.orders.status[order.status]}</dd>
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
          <dd>{order.payment.method}</dd>
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
