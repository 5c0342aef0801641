import type { Metadata } from "next";
import Link from "next/link";
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
        <p className="rounded-2xl border border-dashed border-zinc-300 p-8 text-center text-zinc-500">{t.products.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="seller-products">
            <thead className="bg-zinc-50 text-left text-zinc-500">
              <tr>
                <th className="px-4 py-2">{t.products.name}</th>
                {scope.isAdmin && <th className="px-4 py-2">{t.products.seller}</th>}
                <th className="px-4 py-2">{t.products.type}</th>
                <th className="px-4 py-2 text-right">{t.products.price}</th>
                <th className="px-4 py-2 text-right">{t.products.stock}</th>
                <th className="px-4 py-2">{t.products.opens}</th>
                <th className="px-4 py-2">{t.products.status}</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {products.map((p) => (
                <tr key={p.id} data-testid="seller-product-row">
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/seller/products/${p.id}`} className="hover:underline">
                      {p.name}
                    </Link>
                  </td>
                  {scope.isAdmin && <td className="px-4 py-2 text-zinc-500">{p.seller.shopName}</td>}
                  <td className="px-4 py-2">{t.types[p.type]}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatPrice(p.price)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {p.inventory?.available ?? 0} / {p.inventory?.total ?? 0}
                  </td>
                  <td className="px-4 py-2 text-zinc-500">{p.saleStartsAt ? formatDateTime(p.saleStartsAt, locale) : "—"}</td>
                  <td className="px-4 py-2">{t.statuses[p.status]}</td>
                  <td className="px-4 py-2 text-right">
                    <Link href={`/seller/products/${p.id}/monitor`} className="text-brand-600 hover:underline">
                      {t.products.monitor}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
