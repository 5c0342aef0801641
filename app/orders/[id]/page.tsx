// /orders/[id] — one of the buyer's orders: items (snapshots), amount, address, state and its timeline;
// while unpaid the hold's countdown and the pay button; cancel until it ships, return after delivery.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PayButton } from "@/components/checkout/pay-button";
import { PaymentSummary } from "@/components/checkout/payment-summary";
import { HoldCountdown } from "@/components/orders/hold-countdown";
import { OrderActions } from "@/components/orders/order-actions";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { StatusBadge } from "@/components/orders/status-badge";
import { requirePageUser } from "@/lib/auth/guards";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getOrderForUser, isOrderId } from "@/lib/orders/queries";
import { getOrderPayment } from "@/lib/payments/queries";
import { soldStates } from "@/lib/orders/lifecycle/transitions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).orders.title };
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/orders/${encodeURIComponent(id)}`);
  const order = isOrderId(id) ? await getOrderForUser(id, user.id) : null;
  if (!order) notFound();
  const [messages, locale, payment] = [await getMessages(), await getLocale(), await getOrderPayment(order.id, user.id)];
  const t = messages.orders;
  const pending = order.status === "PENDING_PAYMENT" && order.holdExpiresAt;
  return (
    <main className="mx-auto grid max-w-5xl gap-8 px-4 py-8 md:grid-cols-[1fr_20rem]">
      <section className="space-y-6">
        <header className="space-y-1">
          <Link href="/orders" className="text-sm text-neutral-500 underline">
            {t.backToOrders}
          </Link>
          <h1 className="text-2xl font-bold">{t.title}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-neutral-500">
            {t.orderNumber} <span className="font-mono">{order.id}</span> · {formatDateTime(order.createdAt, locale)}
            <StatusBadge status={order.status} t={t} />
          </p>
        </header>
        {pending && (
          <section className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
            <h2 className="font-semibold">{t.awaitingPayment}</h2>
            <p className="text-sm">{t.holdNotice}</p>
            <HoldCountdown expiresAt={order.holdExpiresAt!.toISOString()} label={t.holdRemaining} endedLabel={t.holdEnded} />
            <PayButton order={order} />
          </section>
        )}
        <section>
          <h2 className="mb-2 font-semibold">{t.items}</h2>
          <OrderLines lines={order.items} t={t} locale={locale} />
          <p className="mt-3 flex justify-between text-lg font-bold">
            <span>{t.amount}</span>
            <span data-testid="order-amount" className="tabular-nums">
              {formatPrice(order.amount)}
            </span>
          </p>
        </section>
        {payment && (payment.payment || payment.refund) && (
          <section>
            <h2 className="mb-2 font-semibold">{messages.payments.payTitle}</h2>
            <PaymentSummary order={payment} />
          </section>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-neutral-500">{t.shippingAddress}</dt>
          <dd data-testid="order-address" data-user-content={order.shippingAddress ? true : undefined}>
            {order.shippingAddress ?? t.noAddress}
          </dd>
        </dl>
      </section>
      <aside className="h-fit space-y-6 rounded-lg border border-neutral-200 p-5">
        <OrderActions orderId={order.id} actions={order.actions} paid={soldStates.includes(order.status)} t={t} locale={locale} />
        <section>
          <h2 className="mb-3 font-semibold">{t.timeline}</h2>
          <OrderTimeline events={order.events} t={t} locale={locale} />
        </section>
      </aside>
    </main>
  );
}
