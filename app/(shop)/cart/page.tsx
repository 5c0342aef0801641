import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { ForgetGuestCart } from "@/components/cart/forget-guest-cart";
import { getCartView } from "@/lib/cart/queries";
import { getPageCartOwner } from "@/lib/cart/viewer";
import { getLocale, getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).cart.cartTitle };
}

export default async function CartPage() {
  const [{ owner, staleGuestCookie }, t, locale] = await Promise.all([getPageCartOwner(), getMessages(), getLocale()]);
  const cart = await getCartView(owner);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      {staleGuestCookie && <ForgetGuestCart />}
      <h1 className="mb-6 text-2xl font-bold">{t.cart.cartTitle}</h1>
      <CartView cart={cart} t={t.cart} locale={locale} />
    </main>
  );
}
