import "server-only";
// The catalog as pages read it: from Next's data cache (unstable_cache), tagged, so a page view costs no
// PostgreSQL query. Every catalog write (product, price, schedule, images, status, units, category) calls
// invalidateProduct / invalidateCategories — never a purchase: units sold move the `remaining` figures,
// which the cache lets lag by at most CATALOG_REVALIDATE_SECONDS (drop pages poll the live stock anyway).
// unstable_cache rather than `use cache`: the latter needs cacheComponents, which forbids the route segment
// config (`dynamic`, `runtime`) eleven routes use today and makes every uncached read a build-time error — a
// migration of its own.
import { revalidateTag, unstable_cache } from "next/cache";
import { env } from "@/lib/env";
import { notifyCatalogInvalidated } from "./invalidation";
import { computeSaleState } from "./sale-rules";
import { getProduct, listCategories, listProducts } from "./queries";
import type { ListProductsQuery } from "./schemas";
import type { CategoryView, ProductPage, ProductView } from "./types";

/** The cache tags, in one place: who reads them and who invalidates them must spell them alike. */
export const catalogTags = {
  list: "catalog:list",
  categories: "catalog:categories",
  product: (id: string) => `catalog:product:${id}`,
};

/** How stale units left (and what depends on them: sold out, the "available" filter) may get on a page. */
const CATALOG_REVALIDATE_SECONDS = env.CATALOG_REVALIDATE_SECONDS;

// The sale state depends on the moment (a drop opens while its cached row sits still): computed per read.
const withState = (p: ProductView, nowMs: number): ProductView => ({
  ...p,
  state: computeSaleState({ saleStartsAt: p.saleStartsAt, saleEndsAt: p.saleEndsAt, remaining: p.remaining }, nowMs),
});

const cachedList = unstable_cache((query: ListProductsQuery) => listProducts(query), ["catalog:list:v1"], {
  tags: [catalogTags.list],
  revalidate: CATALOG_REVALIDATE_SECONDS,
});

const cachedCategories = unstable_cache(() => listCategories(), ["catalog:categories:v1"], { tags: [catalogTags.categories], revalidate: 3600 });

/** A page of the catalog, from the cache; states as of `nowMs`. */
export async function listProductsCached(query: ListProductsQuery, nowMs: number): Promise<ProductPage> {
  const page = await cachedList(query);
  return { ...page, items: page.items.map((p) => withState(p, nowMs)) };
}

export const listCategoriesCached = (): Promise<CategoryView[]> => cachedCategories();

/** One public product (null: unknown, draft or archived), from the cache; state as of `nowMs`. */
export async function getProductCached(id: string, nowMs: number): Promise<ProductView | null> {
  // Tags are fixed per unstable_cache wrapper, so the per-product tag needs a wrapper per id.
  const product = await unstable_cache(() => getProduct(id), ["catalog:product:v1", id], {
    tags: [catalogTags.product(id), catalogTags.categories],
    revalidate: CATALOG_REVALIDATE_SECONDS,
  })();
  return product && withState(product, nowMs);
}

// ---- Invalidation ----

function expire(tags: string[]) {
  for (const tag of tags) {
    try {
      // expire: 0 — the next view reads the edit (a blocking miss), not a stale copy refreshed behind it.
      revalidateTag(tag, { expire: 0 });
    } catch (err) {
      // Outside a Next request (tests, the worker, scripts) there is no Next cache in this process to clear.
      if (!(err instanceof Error && err.message.includes("static generation store missing"))) throw err;
    }
  }
}

/** After a product's listing facts changed (anything but units sold): its page and every catalog page. */
export function invalidateProduct(productId: string) {
  expire([catalogTags.product(productId), catalogTags.list]);
  notifyCatalogInvalidated(productId);
}

/** After categories changed: their names appear on catalog pages and product pages. */
export function invalidateCategories() {
  expire([catalogTags.categories, catalogTags.list]);
  notifyCatalogInvalidated(null);
}
