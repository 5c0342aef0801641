// The catalog's previous / next links, keeping every other filter of the URL.
import { Pagination as UiPagination } from "@/components/ui/pagination";
import type { ListProductsQuery } from "@/lib/catalog/schemas";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

export function catalogHref(query: ListProductsQuery, page: number): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.category) p.set("category", query.category);
  if (query.type) p.set("type", query.type);
  if (query.available) p.set("available", "1");
  if (query.option) p.set("option", query.option);
  if (query.sort !== "newest") p.set("sort", query.sort);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/?${s}` : "/";
}

export function Pagination({ query, totalPages, t }: { query: ListProductsQuery; totalPages: number; t: Messages["shop"] }) {
  if (totalPages <= 1) return null;
  const page = Math.min(query.page, totalPages);
  return (
    <UiPagination
      page={page}
      hasNext={page < totalPages}
      href={(p) => catalogHref(query, p)}
      labels={{ nav: t.pagination, previous: t.previous, next: t.next }}
      indicator={fill(t.pageOf, { page, total: totalPages })}
    />
  );
}
