import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { computeSaleState } from "@/lib/catalog/state";
import { clock } from "@/lib/clock";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getPageScope } from "@/lib/seller/page-scope";
import { listSellerProducts } from "@/lib/seller/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.products.title };
}

export default async function SellerProductsPage() {
  const scope = await getPageScope("/seller/products");
  const [products, messages, locale] = await Promise.all([listSellerProducts(scope), getMessages(), getLocale()]);
  const t = messages.seller;
  const now = clock.nowMs();
  const saleState = (p: (typeof products)[number]) =>
    messages.codes.saleStates[computeSaleState({ saleStartsAt: p.saleStartsAt, saleEndsAt: p.saleEndsAt, remaining: p.inventory?.available ?? 0 }, now)];
  return (
    <main className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t.products.title}</h1>
        {(!scope.isAdmin || scope.sellerId) && (
          <Link href="/seller/products/new" className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-600">
            {t.products.create}
          </Link>
        )}
      </div>
      {products.length === 0 ? (
        <EmptyState>{t.products.empty}</EmptyState>
      ) : (
        <DataTable
          testId="seller-products"
          rowTestId="seller-product-row"
          rows={products}
          rowKey={(p) => p.id}
          columns={[
            {
              key: "name",
              header: t.products.name,
              className: "font-medium",
              cell: (p) => (
                <Link href={`/seller/products/${p.id}`} className="hover:underline">
                  {p.name}
                </Link>
              ),
            },
            scope.isAdmin && { key: "seller", header: t.products.seller, className: "text-zinc-500", cell: (p) => p.seller.shopName },
            { key: "type", header: t.products.type, cell: (p) => t.types[p.type] },
            { key: "price", header: t.products.price, align: "right", className: "tabular-nums", cell: (p) => formatPrice(p.price) },
            { key: "stock", header: t.products.stock, align: "right", className: "tabular-nums", cell: (p) => `${p.inventory?.available ?? 0} / ${p.inventory?.total ?? 0}` },
            { key: "opens", header: t.products.opens, className: "text-zinc-500", cell: (p) => (p.saleStartsAt ? formatDateTime(p.saleStartsAt, locale) : "—") },
            // A published drop says where its sale stands (upcoming, on sale, sold out, ended), not just "active".
            { key: "status", header: t.products.status, cell: (p) => (p.status === "ACTIVE" ? saleState(p) : t.statuses[p.status]) },
            {
              key: "monitor",
              className: "text-right",
              cell: (p) => (
                <Link href={`/seller/products/${p.id}/monitor`} className="text-brand-600 hover:underline">
                  {t.products.monitor}
                </Link>
              ),
            },
          ]}
        />
      )}
    </main>
  );
}
