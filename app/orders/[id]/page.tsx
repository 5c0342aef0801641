// /orders/[id] — one of the buyer's orders: items (snapshots), amount, delivery details, state and its timeline;
// while unpaid the hold's countdown and the pay button (or, first, the delivery details it still needs); cancel until it ships, return after delivery.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryView } from "@/components/addresses/delivery-view";
import { OrderDeliveryForm } from "@/components/addresses/order-delivery-form";
import { PayButton } from "@/components/checkout/pay-button";
import { PaymentSummary } from "@/components/checkout/payment-summary";
import { HoldCountdown } from "@/components/orders/hold-countdown";
import { OrderActions } from "@/components/orders/order-actions";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { StatusBadge } from "@/components/orders/status-badge";
import { TrackingInfo } from "@/components/fulfilment/tracking-info";
import { listAddresses } from "@/lib/addresses/queries";
import { MAX_ADDRESSES } from "@/lib/addresses/schemas";
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
  const saved = order.status === "PENDING_PAYMENT" ? await listAddresses(user.id) : [];
  const t = messages.orders;
  const f = messages.fulfilment;
  const ta = messages.address;
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
            {order.delivery ? (
              <PayButton order={order} />
            ) : (
              // An order ships: paying waits for its delivery details (lib/orders/delivery-rule.ts).
              <div className="space-y-3">
                <p role="status" className="text-sm font-medium text-amber-900" data-testid="delivery-needed">{ta.deliveryNeeded}</p>
                <OrderDeliveryForm orderId={order.id} saved={saved} canSave={saved.length < MAX_ADDRESSES} t={ta} statuses={t.status} />
              </div>
            )}
          </section>
        )}
        {order.shipment && <TrackingInfo shipment={order.shipment} t={f} locale={locale} />}
        {order.returnRefusal !== null && (
          <section className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-4 text-sm" data-testid="return-refusal">
            <h2 className="font-semibold">{f.buyer.refusedTitle}</h2>
            <p>
              {f.buyer.refusedReason}: {order.returnRefusal}
            </p>
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
        <section className="space-y-2">
          <h2 className="font-semibold">{ta.shipTo}</h2>
          <DeliveryView delivery={order.delivery} t={ta} />
          {pending && order.delivery && (
            <details className="text-sm">
              <summary className="cursor-pointer underline">{ta.changeDelivery}</summary>
              <div className="mt-3">
                <OrderDeliveryForm orderId={order.id} saved={saved} canSave={saved.length < MAX_ADDRESSES} t={ta} statuses={t.status} />
              </div>
            </details>
          )}
          {/* Orders placed before delivery details existed keep their one-line address. */}
          {!order.delivery && order.shippingAddress && <p data-testid="order-address" data-user-content className="text-sm">{order.shippingAddress}</p>}
        </section>
      </section>
      <aside className="h-fit space-y-6 rounded-lg border border-neutral-200 p-5">
        <OrderActions orderId={order.id} actions={order.actions} paid={soldStates.includes(order.status)} t={t} locale={locale} returnReasonLabel={f.buyer.returnReason} />
        <section>
          <h2 className="mb-3 font-semibold">{t.timeline}</h2>
          <OrderTimeline events={order.events} t={t} locale={locale} />
        </section>
      </aside>
    </main>
  );
}
