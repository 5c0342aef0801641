import { describe, expect, it } from "vitest";
import type { ProductView } from "@/lib/catalog/types";
import { availability, jsonLdText, productJsonLd } from "./json-ld";

const product: ProductView = {
  id: "cm0000000000000000000000", name: "머그컵 </script><b>", description: "설명", price: 12_300, images: ["/products/mug-1.svg", "/api/uploads/ab/cd.webp"],
  type: "LIMITED", category: { slug: "kitchen", nameKo: "주방", nameEn: "Kitchen" }, saleStartsAt: "2026-12-01T00:00:00.000Z", saleEndsAt: null,
  perBuyerLimit: 1, phoneRequired: false, waitingRoom: false, remaining: 3, total: 10, state: "open", createdAt: "2026-11-01T00:00:00.000Z", options: [], variants: [],
};

describe("product JSON-LD", () => {
  it("maps each sale state to a schema.org availability", () => {
    expect(availability({ state: "upcoming", type: "LIMITED" })).toBe("PreOrder");
    expect(availability({ state: "open", type: "NORMAL" })).toBe("InStock");
    expect(availability({ state: "sold_out", type: "LIMITED" })).toBe("SoldOut");
    expect(availability({ state: "sold_out", type: "NORMAL" })).toBe("OutOfStock");
    expect(availability({ state: "ended", type: "LIMITED" })).toBe("Discontinued");
  });

  it("has an Offer in KRW with absolute URLs and the sale window", () => {
    const ld = productJsonLd(product, "https://shop.example");
    expect(ld.offers).toMatchObject({ "@type": "Offer", price: 12_300, priceCurrency: "KRW", availability: "https://schema.org/InStock", availabilityStarts: product.saleStartsAt });
    expect(ld.offers).not.toHaveProperty("availabilityEnds");
    expect(ld.image).toEqual(["https://shop.example/products/mug-1.svg", "https://shop.example/api/uploads/ab/cd.webp"]);
    expect(ld.offers.url).toBe(`https://shop.example/products/${product.id}`);
  });

  it("cannot close its script element, and stays the same JSON", () => {
    const text = jsonLdText(productJsonLd(product, "https://shop.example"));
    expect(text).not.toContain("</script");
    expect(JSON.parse(text).name).toBe(product.name);
  });
});
