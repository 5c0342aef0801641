// schema.org Product/Offer of a product page (structured data for search engines), built from the cached
// ProductView the page already has: no query of its own, and no live stock. The availability follows the
// sale state computed for this render from the cached row, so it may lag the live units by the catalog
// cache's CATALOG_REVALIDATE_SECONDS — a crawler reads a page far less often than that.
import type { ProductView } from "@/lib/catalog/types";

export type Availability = "InStock" | "OutOfStock" | "SoldOut" | "PreOrder" | "Discontinued";

/**
 * upcoming → PreOrder (announced, orderable from availabilityStarts); open → InStock; sold out → SoldOut for a
 * limited drop (its units never come back) and OutOfStock for a normal product (a seller may restock it);
 * ended → Discontinued (the sale window closed for good).
 */
export function availability(p: Pick<ProductView, "state" | "type">): Availability {
  switch (p.state) {
    case "upcoming":
      return "PreOrder";
    case "open":
      return "InStock";
    case "sold_out":
      return p.type === "LIMITED" ? "SoldOut" : "OutOfStock";
    case "ended":
      return "Discontinued";
  }
}

/** The JSON-LD object of a product; `base` is the shop's public origin (APP_URL). */
export function productJsonLd(p: ProductView, base: string) {
  const url = new URL(`/products/${p.id}`, base).href;
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    "@id": url,
    sku: p.id,
    name: p.name,
    description: p.description,
    image: p.images.map((src) => new URL(src, base).href),
    category: p.category.nameKo,
    offers: {
      "@type": "Offer",
      url,
      // Integer won: KRW has no minor unit.
      price: p.price,
      priceCurrency: "KRW",
      availability: `https://schema.org/${availability(p)}`,
      itemCondition: "https://schema.org/NewCondition",
      ...(p.saleStartsAt && { availabilityStarts: p.saleStartsAt }),
      ...(p.saleEndsAt && { availabilityEnds: p.saleEndsAt }),
    },
  };
}

/**
 * JSON for an inline <script type="application/ld+json">: `<` escaped so a name holding "</script>" cannot
 * end the element (the escape is still valid JSON). A data block is not executed, so the page's CSP does
 * not apply to it (and the micro-cache's hash policy hashes it harmlessly).
 */
export const jsonLdText = (data: unknown) => JSON.stringify(data).replace(/</g, "\\u003c");
