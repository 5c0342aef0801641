import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryView } from "@/components/addresses/delivery-view";
import { EventNoteText, methodLabel } from "@/components/orders/event-note-text";
import { DataTable } from "@/components/ui/data-table";
import { ReturnDecision } from "@/components/fulfilment/return-decision";
import { ShipForm } from "@/components/fulfilment/ship-form";
import { courierName } from "@/lib/fulfilment/couriers";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { isOrderId } from "@/lib/orders/queries";
import { getPageScope, orNotFound, scopeQuery } from "@/lib/seller/page-scope";
import { getSellerOrderOrThrow } from "@/lib/seller/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.orders.detail };
}

export default async function SellerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await getPageScope(`/seller/orders/${id}`);
  if (!isOrderId(id)) notFound();
  const order = await orNotFound(getSellerOrderOrThrow(scope, id));
  const [messages, locale] = await Promise.all([getMessages(), getLocale()]);
  const t = messages.seller;
  const f = messages.fulfilment;
  const query = scopeQuery(scope);
  const c = messages.codes;
  const card = "space-y-2 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm";
  return (
    <main className="max-w-3xl space-y-4">
      <Link href="/seller/orders" className="text-sm text-zinc-500 hover:underline">
        ← {t.orders.back}
      </Link>
      <h1 className="text-2xl font-bold">
        {t.orders.detail} <span className="font-mono text-base">{order.id}</span>
      </h1>
      <p data-testid="order-status">
        {t.orderStatuses[order.status]} · {formatDateTime(order.createdAt, locale)}
      </p>
      <section className={card}>
        <DataTable
          look="compact"
          rows={order.items}
          rowKey={(i) => i.variantId}
          columns={[
            { key: "name", header: t.orders.items, cell: (i) => i.name },
            // The size as ordered (docs/variants.md): the seller's own label and SKU, blank without options.
            { key: "variant", header: t.orders.variant, cell: (i) => (i.variantLabel ? `${i.variantLabel} · ${i.sku}` : "—") },
            { key: "price", header: t.orders.unitPrice, align: "right", className: "tabular-nums", cell: (i) => formatPrice(i.unitPrice) },
            { key: "quantity", header: t.orders.quantity, align: "right", className: "tabular-nums", cell: (i) => i.quantity },
          ]}
        />
        <p className="text-right font-semibold">{formatPrice(order.subtotal)}</p>
      </section>
      {(order.status === "PAID" || order.status === "SHIPPING" || order.shipment) && (
        <section className={card} data-testid="order-shipment">
          <h2 className="font-semibold">{order.shipment ? f.ship.shipment : f.ship.title}</h2>
          {order.shipment ? (
            <p className="text-sm" data-testid="shipment-info">
              {courierName(order.shipment.courier, locale)} · <span className="font-mono">{order.shipment.trackingNumber}</span> · {f.ship.shippedAt} {formatDateTime(order.shipment.shippedAt, locale)}
            </p>
          ) : (
            order.status === "SHIPPING" && <p className="text-sm text-zinc-500">{f.ship.noShipment}</p>
          )}
          {(order.status === "PAID" || order.status === "SHIPPING") && <ShipForm orderId={order.id} query={query} correcting={order.status === "SHIPPING"} t={f} locale={locale} />}
        </section>
      )}
      {order.status === "RETURN_REQUESTED" && (
        <section className={card}>
          <h2 className="font-semibold">{f.returns.title}</h2>
          <ReturnDecision orderId={order.id} query={query} t={f} />
        </section>
      )}
      <section className={card}>
        <h2 className="font-semibold">{messages.address.shipTo}</h2>
        <DeliveryView delivery={order.delivery} t={messages.address} />
      </section>
      <section className={card}>
        <h2 className="font-semibold">{t.orders.payment}</h2>
        <p className="text-sm" data-testid="order-payment">
          {order.payment ? `${c.paymentStatuses[order.payment.status] ?? order.payment.status} · ${methodLabel(order.payment.method, c)} · ${formatPrice(order.payment.amount)}` : "—"}
        </p>
        <h2 className="font-semibold">{t.orders.refund}</h2>
        <p className="text-sm" data-testid="order-refund">
          {order.refund ? (
            <>
              {c.refundStatuses[order.refund.status]} · {formatPrice(order.refund.amount)} · <EventNoteText note={order.refund.reason} t={c} />
            </>
          ) : (
            t.orders.noRefund
          )}
        </p>
      </section>
      <section className={card}>
        <h2 className="font-semibold">{t.orders.timeline}</h2>
        <ol className="space-y-1 text-sm" data-testid="order-timeline">
          {order.events.map((e, n) => (
            <li key={n}>
              <span className="text-zinc-500">{formatDateTime(e.createdAt, locale)}</span> · {t.orderStatuses[e.toStatus]}
              {e.note && (
                <span className="text-zinc-600">
                  {" — "}
                  <EventNoteText note={e.note} t={c} />
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
