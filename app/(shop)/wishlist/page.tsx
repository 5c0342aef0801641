import type { Metadata } from "next";
import { WishlistView } from "@/components/wishlist/wishlist-view";
import { requirePageUser } from "@/lib/auth/guards";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { listWishlist } from "@/lib/wishlist/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).cart.wishlistTitle };
}

export default async function WishlistPage() {
  const user = await requirePageUser("/wishlist");
  const [items, t, locale] = await Promise.all([listWishlist(user.id), getMessages(), getLocale()]);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-bold">{t.cart.wishlistTitle}</h1>
      <WishlistView items={items} t={t.cart} locale={locale} />
    </main>
  );
}
