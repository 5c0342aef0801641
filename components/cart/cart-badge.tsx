import Link from "next/link";
import { getCartLineCount } from "@/lib/cart/queries";
import { getPageCartOwner } from "@/lib/cart/viewer";
import { fill } from "@/lib/i18n/fill";
import { getMessages } from "@/lib/i18n/server";
import { ForgetGuestCart } from "./forget-guest-cart";

/**
 * The header's cart link with its line count. Rendered on every page, it is also where the guest cart
 * is merged right after sign-in (getPageCartOwner), whatever page the sign-in lands on.
 */
export async function CartBadge() {
  const [{ owner, staleGuestCookie }, t] = await Promise.all([getPageCartOwner(), getMessages()]);
  const count = await getCartLineCount(owner);
  return (
    <>
      {staleGuestCookie && <ForgetGuestCart />}
      <Link href="/cart" aria-label={fill(t.cart.cartBadge, { n: count })} className="relative inline-flex items-center gap-1 text-sm font-medium">
        <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" />
          <circle cx="10" cy="20" r="1.3" />
          <circle cx="17" cy="20" r="1.3" />
        </svg>
        <span data-testid="cart-count" className="min-w-5 rounded-full bg-neutral-900 px-1.5 text-center text-xs leading-5 text-white">
          {count}
        </span>
      </Link>
    </>
  );
}
