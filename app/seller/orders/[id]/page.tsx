import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { isOrderId } from "@/lib/orders/queries";
import { getPageScope } from "@/lib/seller/page-scope";
import { getSellerOrderOrThrow } from "@/lib/seller/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.orders.detail };
}

export default async function SellerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await getPageScope(`/seller/orders/${id}`);
  if (!isOrderId(id)) notFound();
  const order = await getSellerOrderOrThrow(scope, id).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const [messages, locale] = await Promise.all([getMessages(), getLocale()]);
  const t = messages.seller;
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
      <section className={card}>
        <h2 className="font-semibold">{t.orders.payment}</h2>
        <p className="text-sm">{order.payment ? `${order.payment.status} · ${order.payment.method ?? ""} · ${formatPrice(order.payment.amount)}` : "—"}</p>
        <h2 className="font-semibold">{t.orders.refund}</h2>
        <p className="text-sm" data-testid="order-refund">
          {order.refund ? `${order.refund.status} · ${formatPrice(order.refund.amount)} · ${order.refund.reason}` : t.orders.noRefund}
        </p>
      </section>
      <section className={card}>
        <h2 className="font-semibold">{t.orders.timeline}</h2>
        <ol className="space-y-1 text-sm" data-testid="order-timeline">
          {order.events.map((e, n) => (
            <li key={n}>
              <span className="text-zinc-500">{formatDateTime(e.createdAt, locale)}</span> · {t.orderStatuses[e.toStatus]}
              {e.note && <span className="text-zinc-500"> — {e.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
