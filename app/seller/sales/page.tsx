import type { Metadata } from "next";
import Link from "next/link";
import { SalesChart } from "@/components/seller/sales-chart";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/server";
import { getPageScope } from "@/lib/seller/page-scope";
import { getSales } from "@/lib/seller/sales";
import { salesQuerySchema } from "@/lib/seller/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.sales.title };
}

const PERIODS = [7, 30, 90];

export default async function SalesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const scope = await getPageScope("/seller/sales");
  const parsed = salesQuerySchema.safeParse({ days: (await searchParams).days });
  const days = parsed.success ? parsed.data.days : 30;
  const [sales, messages] = await Promise.all([getSales(scope, days), getMessages()]);
  const t = messages.seller.sales;
  const card = "rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm";
  return (
    <main className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <nav className="flex gap-1 text-sm" aria-label={t.days}>
          {PERIODS.map((d) => (
            <Link
              key={d}
              href={`/seller/sales?days=${d}`}
              aria-current={d === days ? "page" : undefined}
              aria-label={fill(messages.codes.periodLabel, { n: d })}
              className={`rounded-lg px-3 py-1 ${d === days ? "bg-ink text-white" : "hover:bg-zinc-100"}`}
            >
              {fill(messages.codes.periodDays, { n: d })}
            </Link>
          ))}
        </nav>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div className={card}>
          <div className="text-xs text-zinc-500">{t.revenue}</div>
          <div className="text-2xl font-bold tabular-nums" data-testid="sales-revenue">{formatPrice(sales.totals.revenue)}</div>
        </div>
        <div className={card}>
          <div className="text-xs text-zinc-500">{t.units}</div>
          <div className="text-2xl font-bold tabular-nums" data-testid="sales-units">{sales.totals.units}</div>
        </div>
        <div className={card}>
          <div className="text-xs text-zinc-500">{t.refundOrders}</div>
          <div className="text-2xl font-bold tabular-nums">{sales.refunds.orders}</div>
        </div>
        <div className={card}>
          <div className="text-xs text-zinc-500">{t.refunds}</div>
          <div className="text-2xl font-bold tabular-nums">{formatPrice(sales.refunds.amount)}</div>
        </div>
      </div>
      <section className={card}>
        <h2 className="mb-2 font-semibold">{t.chart}</h2>
        <SalesChart data={sales.series} labels={{ revenue: t.revenue, units: t.units }} />
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <section className={card}>
          <h2 className="mb-2 font-semibold">{t.top}</h2>
          {sales.top.length === 0 ? (
            <EmptyState look="inline">{t.none}</EmptyState>
          ) : (
            <ol className="space-y-1 text-sm" data-testid="sales-top">
              {sales.top.map((p) => (
                <li key={p.productId} className="flex justify-between gap-2">
                  <span>{p.name}</span>
                  <span className="tabular-nums text-zinc-600">
                    {p.units} · {formatPrice(p.revenue)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
        {sales.topVariants.length > 0 && (
          <section className={card}>
            <h2 className="mb-2 font-semibold">{t.topVariants}</h2>
            <ol className="space-y-1 text-sm" data-testid="sales-variants">
              {sales.topVariants.map((v) => (
                <li key={v.variantId} className="flex justify-between gap-2">
                  <span>{v.name} · {v.label}</span>
                  <span className="tabular-nums text-zinc-600">{v.units} · {formatPrice(v.revenue)}</span>
                </li>
              ))}
            </ol>
          </section>
        )}
        <section className={card}>
          <h2 className="mb-2 font-semibold">{t.payouts}</h2>
          {sales.payouts.length === 0 ? (
            <EmptyState look="inline">{t.noPayouts}</EmptyState>
          ) : (
            <DataTable
              look="compact"
              rows={sales.payouts}
              rowKey={(p) => p.id}
              columns={[
                { key: "period", header: t.period, cell: (p) => p.periodDate },
                { key: "entries", header: t.entries, align: "right", className: "tabular-nums", cell: (p) => p.entryCount },
                { key: "amount", header: t.amount, align: "right", className: "tabular-nums", cell: (p) => formatPrice(p.amount) },
              ]}
            />
          )}
        </section>
      </div>
    </main>
  );
}
