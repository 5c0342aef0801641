// A product: gallery, price, description, category; a limited drop gets its live panel and buy button,
// a normal product add-to-cart and buy-now (both with the size picker when it has options) (through checkout, the one way normal products are bought).
// The same for every viewer of a locale (cached by the production server, server/page-cache.ts): the
// heart and the alert buttons learn their state in the browser, the drop panel polls the live stock.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertAfterSignIn } from "@/components/alerts/alert-after-sign-in";
import { DropPanel } from "@/components/flash-sale/drop-panel";
import { Gallery } from "@/components/product/gallery";
import { JsonLd } from "@/components/seo/json-ld";
import { ProductActions } from "@/components/product/product-actions";
import { SaleBadges } from "@/components/product/sale-badge";
import { HeartButton } from "@/components/wishlist/heart-button";
import { getProductCached } from "@/lib/catalog/cache";
import { clock } from "@/lib/clock";
import { formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { productJsonLd } from "@/lib/site/json-ld";
import { productMetadata, siteBase } from "@/lib/site/metadata";
import { idSchema } from "@/lib/validation";

type Props = { params: Promise<{ id: string }> };

const find = async (id: string) => (idSchema.safeParse(id).success ? getProductCached(id, clock.nowMs()) : null);

// The same cached read as the page (one data-cache entry): metadata and JSON-LD cost no query of their own.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await find((await params).id);
  if (!product) return {};
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  return productMetadata(product, t, locale);
}

export default async function ProductPage({ params }: Props) {
  const product = await find((await params).id);
  if (!product) notFound();
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  const category = locale === "ko" ? product.category.nameKo : product.category.nameEn;
  return (
    <main className="mx-auto grid max-w-6xl gap-8 px-4 py-8 md:grid-cols-2">
      <JsonLd data={productJsonLd(product, siteBase())} />
      <AlertAfterSignIn productId={product.id} />
      <Gallery images={product.images} name={product.name} t={t.shop} />
      <div className="space-y-5">
        <div className="space-y-2">
          <Link href={`/?category=${product.category.slug}`} className="text-sm font-semibold text-brand-600 hover:underline" data-testid="product-category">
            {category}
          </Link>
          <div className="flex items-start justify-between gap-3">
            <h1 className="text-2xl font-bold">{product.name}</h1>
            <HeartButton productId={product.id} t={t.cart} className="shrink-0 border border-neutral-200" />
          </div>
          <p className="text-3xl font-black" data-testid="product-price">{formatPrice(product.price)}</p>
        </div>
        {product.type === "LIMITED" ? (
          <DropPanel product={product} renderedAt={clock.nowMs()} t={t.shop} cartT={t.cart} alertsT={t.alerts} locale={locale} />
        ) : (
          <div className="space-y-3">
            <SaleBadges product={product} state={product.state} t={t.shop} />
            <ProductActions product={product} t={t.shop} cartT={t.cart} alertsT={t.alerts} />
          </div>
        )}
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t.shop.description}</h2>
          <p className="whitespace-pre-line leading-relaxed text-neutral-700">{product.description}</p>
        </section>
      </div>
    </main>
  );
}
