// The payment window's successUrl: the server confirms with the order's stored amount, then shows the
// order. Refreshing it never confirms twice (the order has left PENDING_PAYMENT; Toss keys are per payment).
// A declined card leaves the order payable: the pay button is offered again until the hold ends.
import Link from "next/link";
import { notFound } from "next/navigation";
import { PayButton } from "@/components/checkout/pay-button";
import { PaymentSummary } from "@/components/checkout/payment-summary";
import { requirePageUser } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getMessages } from "@/lib/i18n/server";
import { getOrderPayment } from "@/lib/payments/queries";
import { successQuerySchema } from "@/lib/payments/schemas";
import { confirmOrderPayment, type ConfirmResult } from "@/lib/payments/service";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PaymentSuccessPage({ searchParams }: { searchParams: Search }) {
  const raw = await searchParams;
  const query = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const user = await requirePageUser(`/payments/success?${query}`);
  const parsed = successQuerySchema.safeParse(raw);
  if (!parsed.success) notFound();
  const messages = await getMessages();
  const t = messages.payments;
  let result: ConfirmResult;
  try {
    result = await confirmOrderPayment(user.id, parsed.data);
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "CONFLICT")) notFound();
    // Too busy to start confirming: nothing was sent to Toss; reloading this page tries again.
    if (err instanceof AppError && err.code === "UNAVAILABLE") return <Busy message={t.busy} />;
    throw err;
  }
  const order = await getOrderPayment(parsed.data.orderId, user.id);
  if (!order) notFound();
  const message: Record<ConfirmResult["outcome"], string> = {
    paid: t.paid, already: order.status === "PAID" ? t.paid : messages.orders.status[order.status], pending: t.confirming,
    failed: t.failed, mismatch: t.mismatch, unavailable: t.unavailable, expired: t.expired,
    declined: t.declinedRetry, compensated: t.failGeneric, refunded: messages.orders.status[order.status],
  };
  return (
    <main className="mx-auto max-w-lg space-y-6 p-6">
      <h1 className="text-2xl font-bold">{t.payTitle}</h1>
      <p role="status" className="rounded-lg bg-gray-50 p-3">{message[result.outcome]}</p>
      <PaymentSummary order={order} />
      {result.outcome === "declined" && <PayButton order={order} />}
      <Link href={`/orders/${order.id}`} className="underline">{t.viewOrder}</Link>
    </main>
  );
}

function Busy({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-lg p-6">
      <p role="status" className="rounded-lg bg-amber-50 p-3">{message}</p>
    </main>
  );
}
