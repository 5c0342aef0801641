// One product in the grid: image, badges, name, price; the wishlist heart, and add-to-cart for products
// that can be bought right now without a drop (limited drops are bought on their own page).
import Image from "next/image";
import Link from "next/link";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { HeartButton } from "@/components/wishlist/heart-button";
import type { ProductView } from "@/lib/catalog/types";
import { fill } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { OpensSoon } from "./opens-soon";
import { SaleBadges } from "./sale-badge";

type Props = { product: ProductView; t: Messages; locale: Locale };

/** The same for every viewer (cached pages); the heart learns its state in the browser. */
export function ProductCard({ product: p, t, locale }: Props) {
  const image = p.images[0] ?? "/products/placeholder.svg";
  return (
    <li className="group relative flex flex-col overflow-hidden rounded-xl border border-neutral-200 bg-white" data-testid="product-card">
      <Link href={`/products/${p.id}`} className="flex flex-1 flex-col">
        <div className="relative aspect-square bg-neutral-100">
          <Image src={image} alt={fill(t.shop.imageAlt, { name: p.name, n: 1 })} fill sizes="(min-width: 1024px) 25vw, 50vw" className="object-cover" />
          <div className="absolute left-2 top-2">
            <SaleBadges product={p} state={p.state} t={t.shop} />
          </div>
        </div>
        <div className="flex flex-1 flex-col gap-1 p-3">
          <h2 className="line-clamp-2 text-sm font-semibold group-hover:underline">{p.name}</h2>
          <p className="text-base font-bold" data-testid="card-price">{formatPrice(p.price)}</p>
          {p.state === "upcoming" && p.saleStartsAt && (
            <p className="text-xs text-neutral-700" data-testid="card-opens">
              <time dateTime={p.saleStartsAt}>{fill(t.shop.opensAt, { at: formatDateTime(p.saleStartsAt, locale) })}</time>
              <OpensSoon at={p.saleStartsAt} t={t.shop} />
            </p>
          )}
          {p.type === "LIMITED" && p.state !== "ended" && (
            <p className="text-xs text-neutral-600">{fill(t.shop.remainingOf, { n: p.remaining, total: p.total })}</p>
          )}
        </div>
      </Link>
      <HeartButton productId={p.id} t={t.cart} className="absolute right-2 top-2" />
      {p.type === "NORMAL" && (
        <div className="px-3 pb-3">
          <AddToCartButton productId={p.id} disabled={p.state !== "open"} t={t.cart} className="text-sm" />
        </div>
      )}
    </li>
  );
}
