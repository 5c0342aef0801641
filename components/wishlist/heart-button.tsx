"use client";

import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { setWishlistedAction } from "@/lib/wishlist/actions";

type Props = { productId: string; wishlisted: boolean; signedIn: boolean; t: Messages["cart"]; className?: string };

/** The wishlist heart. Guests are sent to sign-in and brought back to this page. */
export function HeartButton({ productId, wishlisted, signedIn, t, className }: Props) {
  const [on, setOn] = useOptimistic(wishlisted);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const pathname = usePathname();

  function toggle() {
    if (!signedIn) return router.push(`/signin?callbackUrl=${encodeURIComponent(pathname)}`);
    startTransition(async () => {
      setOn(!on);
      const res = await setWishlistedAction({ productId }, !on);
      if (!res.ok && res.error.code === "UNAUTHENTICATED") router.push(`/signin?callbackUrl=${encodeURIComponent(pathname)}`);
    });
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={on}
      aria-busy={pending}
      aria-label={signedIn ? (on ? t.wishlistRemove : t.wishlistAdd) : t.signInToWishlist}
      data-testid="heart"
      className={`inline-flex h-9 w-9 items-center justify-center rounded-full bg-white/90 shadow-sm hover:bg-white ${className ?? ""}`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className={`h-5 w-5 ${on ? "fill-rose-500 text-rose-500" : "fill-none text-neutral-700"}`} stroke="currentColor" strokeWidth="1.8">
        <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" />
      </svg>
    </button>
  );
}
