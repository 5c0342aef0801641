import "server-only";
// The metadata of the shop's pages (title, description, canonical, OpenGraph, Twitter) from data the page
// already read (the cached catalog): building it costs no query. metadataBase is APP_URL, the shop's
// public origin, so canonical and image URLs are absolute whatever Host a proxy sends.
import type { Metadata } from "next";
import type { ProductView } from "@/lib/catalog/types";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

export const siteBase = () => env.APP_URL;

const ogLocale = (locale: Locale) => (locale === "ko" ? "ko_KR" : "en_US");

/** Defaults of every page; pages override title, description and canonical. */
export function rootMetadata(t: Messages, locale: Locale): Metadata {
  return {
    metadataBase: new URL(siteBase()),
    title: { default: t.site.siteTitle, template: "%s · Hurry Up" },
    description: t.site.siteDescription,
    applicationName: t.common.shopName,
    openGraph: { type: "website", siteName: t.common.shopName, locale: ogLocale(locale), description: t.site.siteDescription },
    twitter: { card: "summary_large_image" },
  };
}

/** A description fit for a snippet: one line, about 160 characters. */
export function snippet(text: string, max = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** A product page; its og:image and twitter:image come from the route's opengraph-image / twitter-image. */
export function productMetadata(p: ProductView, t: Messages, locale: Locale): Metadata {
  const description = snippet(p.description) || fill(t.site.productDescription, { name: p.name, price: formatPrice(p.price) });
  const path = `/products/${p.id}`;
  return {
    title: p.name,
    description,
    alternates: { canonical: path },
    openGraph: { type: "website", siteName: t.common.shopName, locale: ogLocale(locale), url: path, title: p.name, description },
    twitter: { card: "summary_large_image", title: p.name, description },
  };
}

/**
 * The catalog: one canonical URL per category and page; sorting, filters and searches are views of those
 * (canonical without them), and a search result page is kept out of the index (endless made-up queries).
 */
export function catalogMetadata(query: { category?: string; page: number; q?: string }): Metadata {
  const params = new URLSearchParams();
  if (query.category) params.set("category", query.category);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return {
    alternates: { canonical: search ? `/?${search}` : "/" },
    ...(query.q && { robots: { index: false, follow: true } }),
  };
}
