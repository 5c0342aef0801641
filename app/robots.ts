// GET /robots.txt — crawlers may read the shop's catalog and product pages; carts, checkout, accounts,
// seller and admin screens, the API and the development pages are nobody's search result.
import type { MetadataRoute } from "next";
import { siteBase } from "@/lib/site/metadata";

// APP_URL (the sitemap's address) is read when the server starts, not baked in at build.
export const dynamic = "force-dynamic";

const PRIVATE = ["/api/", "/account", "/admin", "/cart", "/checkout", "/dev/", "/orders", "/payments/", "/seller", "/signin", "/signup", "/verify", "/wishlist"];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: PRIVATE },
    sitemap: new URL("/sitemap.xml", siteBase()).href,
  };
}
