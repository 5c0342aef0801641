import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/seller/field-errors";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getPageScope } from "@/lib/seller/page-scope";
import { listSellerOrders } from "@/lib/seller/queries";
import { orderFilterSchema, orderStatuses } from "@/lib/seller/schemas";

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
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">{t.orders.title}</h1>
      <form className="flex flex-wrap items-end gap-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm" data-testid="order-filter">
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
        <span className="ml-auto text-sm text-zinc-500">
          {count} {t.orders.count}
        </span>
      </form>
      {orders.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-zinc-300 p-8 text-center text-zinc-500">{t.orders.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="seller-orders">
            <thead className="bg-zinc-50 text-left text-zinc-500">
              <tr>
                <th className="px-4 py-2">{t.orders.id}</th>
                <th className="px-4 py-2">{t.orders.date}</th>
                <th className="px-4 py-2">{t.orders.items}</th>
                <th className="px-4 py-2 text-right">{t.orders.subtotal}</th>
                <th className="px-4 py-2">{t.orders.status}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {orders.map((o) => (
                <tr key={o.id} data-testid="seller-order-row">
                  <td className="px-4 py-2 font-mono text-xs">
                    <Link href={`/seller/orders/${o.id}`} className="hover:underline">
                      {o.id}
                    </Link>
                  </td>
                  <td className="px-4 py-2 text-zinc-500">{formatDateTime(o.createdAt, locale)}</td>
                  <td className="px-4 py-2">{o.items.map((i) => `${i.name} × ${i.quantity}`).join(", ")}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatPrice(o.subtotal)}</td>
                  <td className="px-4 py-2">{t.orderStatuses[o.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex justify-between text-sm">
        {page > 1 ? <Link href={pageHref(page - 1)}>← {t.orders.prev}</Link> : <span />}
        {page * pageSize < count && <Link href={pageHref(page + 1)}>{t.orders.next} →</Link>}
      </nav>
    </main>
  );
}
