import "server-only";
// sitemap.xml from the catalog, through the same cached reads as the pages (lib/catalog/cache.ts): a crawler
// fetching it costs at most one query per hundred products per CATALOG_REVALIDATE_SECONDS. Every public
// product (drafts and archived ones are not in the catalog), the catalog and its categories.
import type { MetadataRoute } from "next";
import { listCategoriesCached, listProductsCached } from "@/lib/catalog/cache";
import { parseListQueryLenient } from "@/lib/catalog/schemas";
import { clock } from "@/lib/clock";

/** One sitemap holds at most 50,000 URLs (sitemaps.org); a catalog larger than that needs an index. */
const MAX_PRODUCT_PAGES = 490;

export async function buildSitemap(base: string): Promise<MetadataRoute.Sitemap> {
  const url = (path: string) => new URL(path, base).href;
  const entries: MetadataRoute.Sitemap = [{ url: url("/"), changeFrequency: "hourly", priority: 1 }];
  for (const c of await listCategoriesCached()) entries.push({ url: url(`/?category=${c.slug}`), changeFrequency: "daily", priority: 0.6 });
  for (let page = 1; page <= MAX_PRODUCT_PAGES; page++) {
    const result = await listProductsCached(parseListQueryLenient({ page: String(page), pageSize: "100", sort: "newest" }), clock.nowMs());
    for (const p of result.items) {
      entries.push({ url: url(`/products/${p.id}`), lastModified: p.createdAt, changeFrequency: p.type === "LIMITED" ? "hourly" : "daily", priority: 0.8 });
    }
    if (page >= result.totalPages) break;
  }
  return entries;
}
