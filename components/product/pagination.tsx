// Previous / next links that keep every other filter of the URL.
import Link from "next/link";
import type { ListProductsQuery } from "@/lib/catalog/schemas";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

export function catalogHref(query: ListProductsQuery, page: number): string {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.category) p.set("category", query.category);
  if (query.type) p.set("type", query.type);
  if (query.available) p.set("available", "1");
  if (query.sort !== "newest") p.set("sort", query.sort);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/?${s}` : "/";
}

const link = "rounded-lg border border-neutral-300 px-4 py-2 font-semibold hover:bg-neutral-100";

export function Pagination({ query, totalPages, t }: { query: ListProductsQuery; totalPages: number; t: Messages["shop"] }) {
  if (totalPages <= 1) return null;
  const page = Math.min(query.page, totalPages);
  return (
    <nav aria-label={t.pagination} className="mt-8 flex items-center justify-center gap-4 text-sm">
      {page > 1 ? <Link href={catalogHref(query, page - 1)} rel="prev" className={link}>{t.previous}</Link> : <span className={`${link} opacity-40`} aria-disabled>{t.previous}</span>}
      <span aria-current="page" data-testid="page-indicator">{fill(t.pageOf, { page, total: totalPages })}</span>
      {page < totalPages ? <Link href={catalogHref(query, page + 1)} rel="next" className={link}>{t.next}</Link> : <span className={`${link} opacity-40`} aria-disabled>{t.next}</span>}
    </nav>
  );
}
