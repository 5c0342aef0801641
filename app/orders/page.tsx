import Image from "next/image";
import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/orders/status-badge";
import { requirePageUser } from "@/lib/auth/guards";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { listOrdersForUser } from "@/lib/orders/queries";
import { listOrdersQuerySchema } from "@/lib/orders/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).orders.historyTitle };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const parsed = listOrdersQuerySchema.safeParse({ page: raw.page });
  const query = parsed.success ? parsed.data : { page: 1, pageSize: 10 };
  const user = await requirePageUser(`/orders?page=${query.page}`);
  const [data, messages, locale] = await Promise.all([listOrdersForUser(user.id, query), getMessages(), getLocale()]);
  const t = messages.orders;
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-bold">{t.historyTitle}</h1>
      {data.orders.length === 0 ? (
        <p className="py-16 text-center text-neutral-600">{t.historyEmpty}</p>
      ) : (
        <ul className="space-y-3">
          {data.orders.map((o) => (
            <li key={o.id} data-testid="order-row" data-order-id={o.id}>
              <Link href={`/orders/${o.id}`} className="flex items-center gap-4 rounded-lg border border-neutral-200 p-4 hover:border-neutral-400">
                <Image src={o.items[0]?.image ?? "/products/placeholder.svg"} alt="" width={56} height={56} className="h-14 w-14 rounded bg-neutral-100 object-cover" />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">{o.orderName}</p>
                  <p className="text-sm text-neutral-500">
                    {formatDateTime(o.createdAt, locale)} · {fill(t.orderNumberN, { id: o.id })}
                  </p>
                </div>
                <div className="text-right">
                  <StatusBadge status={o.status} t={t} />
                  <p className="mt-1 font-semibold tabular-nums">{formatPrice(o.amount)}</p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {data.pages > 1 && (
        <nav className="mt-6 flex items-center justify-between text-sm" aria-label={t.historyTitle}>
          {data.page > 1 ? <Link href={`/orders?page=${data.page - 1}`} className="underline">{t.prevPage}</Link> : <span />}
          <span>{fill(t.pageOf, { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? <Link href={`/orders?page=${data.page + 1}`} className="underline">{t.nextPage}</Link> : <span />}
        </nav>
      )}
    </main>
  );
}
