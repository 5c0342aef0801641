// An order's payment as the buyer sees it: status, amount, method, approval time and any refund.
import { getLocale, getMessages } from "@/lib/i18n/server";
import type { OrderPaymentView } from "@/lib/payments/queries";
import { PaymentSummaryView } from "./payment-summary-view";

export async function PaymentSummary({ order }: { order: OrderPaymentView }) {
  const [messages, locale] = [await getMessages(), await getLocale()];
  return <PaymentSummaryView order={order} texts={{ payments: messages.payments, statuses: messages.orders.status, codes: messages.codes }} locale={locale} />;
}
