// The "pay" slot of an order while it awaits payment: Toss's widget when a client key is configured,
// otherwise a link to the stand-in payment page. While Toss is unreachable (breaker open) it says so at
// once instead of sending the buyer into a payment that cannot be confirmed; the order keeps its hold.
import { getMessages } from "@/lib/i18n/server";
import { paymentRequestFor } from "@/lib/payments/checkout";
import { TossWidget } from "./toss-widget";

type Props = { order: { id: string; status: string; amount: number; orderName: string } };

export async function PayButton({ order }: Props) {
  if (order.status !== "PENDING_PAYMENT") return null;
  const t = (await getMessages()).payments;
  const req = paymentRequestFor(order);
  if (!req.available) {
    return (
      <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
        {t.unavailable}
      </p>
    );
  }
  if (req.clientKey) {
    return <TossWidget {...req} clientKey={req.clientKey} labels={{ pay: t.pay, loading: t.widgetLoading }} />;
  }
  return (
    <a href={req.standInUrl!} data-testid="pay-button" className="block w-full rounded-lg bg-black px-4 py-3 text-center font-semibold text-white">
      {t.pay}
    </a>
  );
}

export default PayButton;
