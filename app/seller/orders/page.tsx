import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { BulkShipForm } from "@/components/fulfilment/bulk-ship-form";
import { TimerSettingsForm } from "@/components/fulfilment/timer-settings-form";
import { MAX_CSV_ROWS } from "@/lib/fulfilment/schemas";
import { getTimerSettings } from "@/lib/fulfilment/settings";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getPageScope, scopeQuery } from "@/lib/seller/page-scope";
import { listSellerOrders } from "@/lib/seller/queries";
import { orderFilterSchema, orderStatuses } from "@/lib/seller/schemas";
import { Form } from "@/components/ui/form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.orders.title };
}

type Search = Record<string, string | string[] | undefined>;

export default async function SellerOrdersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const scope = await getPageScope("/seller/orders");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== "")) as Record<string, string>;
  // A hand-edited query string shows everything rather than an error page.
  const parsed = orderFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : { page: 1 };
  const [{ orders, count, page, pageSize }, messages, locale] = await Promise.all([listSellerOrders(scope, filter), getMessages(), getLocale()]);
  const t = messages.seller;
  const pageHref = (p: number) => `/seller/orders?${new URLSearchParams({ ...raw, page: String(p) })}`;
  const f = messages.fulfilment;
  const query = scopeQuery(scope);
  const exportFilter = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== "page"));
  const exportHref = `/api/seller/orders/export?${new URLSearchParams({ ...exportFilter, ...(scope.isAdmin && scope.sellerId && { sellerId: scope.sellerId }) })}`;
  // The timers are a shop's own: an admin sees them once a seller is picked.
  const timers = scope.sellerId ? await getTimerSettings(scope) : null;
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">{t.orders.title}</h1>
      <Form className="flex flex-wrap items-end gap-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm" data-testid="order-filter">
        <label className="space-y-1 text-sm">
          <span className="block text-zinc-500">{t.orders.status}</span>
          <select name="status" defaultValue={raw.status ?? ""} className={inputClass}>
            <option value="">{t.orders.all}</option>
            {orderStatuses.map((s) => (
              <option key={s} value={s}>
                {t.orderStatuses[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block text-zinc-500">{t.orders.from}</span>
          <input type="date" name="from" defaultValue={raw.from} className={inputClass} />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block text-zinc-500">{t.orders.to}</span>
          <input type="date" name="to" defaultValue={raw.to} className={inputClass} />
        </label>
        <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-medium text-white">
          {t.orders.filter}
        </button>
        <a href={exportHref} download className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-medium hover:bg-zinc-50" title={f.export.hint} data-testid="orders-export">
          {f.export.title}
        </a>
        <span className="ml-auto text-sm text-zinc-500">
          {count} {t.orders.count}
        </span>
      </Form>
      <BulkShipForm query={query} maxRows={MAX_CSV_ROWS} t={f} />
      {orders.length === 0 ? (
        <EmptyState>{t.orders.empty}</EmptyState>
      ) : (
        <DataTable
          testId="seller-orders"
          rowTestId="seller-order-row"
          rows={orders}
          rowKey={(o) => o.id}
          columns={[
            {
              key: "id",
              header: t.orders.id,
              className: "font-mono text-xs",
              cell: (o) => (
                <Link href={`/seller/orders/${o.id}`} className="hover:underline">
                  {o.id}
                </Link>
              ),
            },
            { key: "date", header: t.orders.date, className: "text-zinc-500", cell: (o) => formatDateTime(o.createdAt, locale) },
            { key: "items", header: t.orders.items, cell: (o) => o.items.map((i) => `${i.name} × ${i.quantity}`).join(", ") },
            { key: "subtotal", header: t.orders.subtotal, align: "right", className: "tabular-nums", cell: (o) => formatPrice(o.subtotal) },
            { key: "status", header: t.orders.status, cell: (o) => t.orderStatuses[o.status] },
          ]}
        />
      )}
      {timers && <TimerSettingsForm timers={timers.timers} defaults={timers.defaults} query={query} t={f} />}
      <Pagination look="links" page={page} hasNext={page * pageSize < count} href={pageHref} labels={{ previous: `← ${t.orders.prev}`, next: `${t.orders.next} →` }} />
    </main>
  );
}
