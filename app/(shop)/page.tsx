// The catalog: grid, paging, search, filters and sort, all read from the URL. The same for every viewer of
// a locale (the production server caches it, server/page-cache.ts); data from the catalog's cache.
import type { Metadata } from "next";
import { CatalogFilters } from "@/components/product/catalog-filters";
import { Pagination } from "@/components/product/pagination";
import { ProductCard } from "@/components/product/product-card";
import { listCategoriesCached, listProductsCached } from "@/lib/catalog/cache";
import { parseListQueryLenient } from "@/lib/catalog/schemas";
import { clock } from "@/lib/clock";
import { fill } from "@/lib/i18n/fill";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { catalogMetadata } from "@/lib/site/metadata";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return catalogMetadata(parseListQueryLenient(await searchParams));
}

export default async function HomePage({ searchParams }: Props) {
  const query = parseListQueryLenient(await searchParams);
  const [page, categories, t, locale] = await Promise.all([listProductsCached(query, clock.nowMs()), listCategoriesCached(), getMessages(), getLocale()]);
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{query.q ? <span data-user-content>{`“${query.q}”`}</span> : t.shop.catalogTitle}</h1>
        <p className="text-sm text-neutral-600" data-testid="result-count">{fill(t.shop.resultCount, { n: page.total })}</p>
      </div>
      <CatalogFilters query={query} categories={categories} t={t.shop} locale={locale} />
      {page.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-neutral-300 p-10 text-center text-neutral-600">{t.shop.noResults}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4" data-testid="product-grid">
          {page.items.map((p) => (
            <ProductCard key={p.id} product={p} t={t} locale={locale} />
          ))}
        </ul>
      )}
      <Pagination query={query} totalPages={page.totalPages} t={t.shop} />
    </main>
  );
}
