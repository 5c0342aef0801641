// GET /sitemap.xml — the public catalog for crawlers (lib/site/sitemap.ts).
import type { MetadataRoute } from "next";
import { buildSitemap } from "@/lib/site/sitemap";
import { siteBase } from "@/lib/site/metadata";

// Rendered per request (from the catalog's data cache): at build time there is neither database nor APP_URL.
export const dynamic = "force-dynamic";

export default function sitemap(): Promise<MetadataRoute.Sitemap> {
  return buildSitemap(siteBase());
}
