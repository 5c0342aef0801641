"use client";
// The wishlist heart, an island of the cached pages: whether it is on, and whether the viewer is signed in
// at all, come from the viewer summary (components/providers/viewer.tsx), not from the page's HTML.
import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { useViewer, useViewerUpdates } from "@/components/providers/viewer";
import type { Messages } from "@/lib/i18n/messages";
import { setWishlistedAction } from "@/lib/wishlist/actions";
import { callbackWithWish } from "./wish-after-sign-in";

type Props = { productId: string; t: Messages["cart"]; className?: string };

/** Guests are sent to sign-in and brought back to this page, where the product is then added. Inert until the viewer is known. */
export function HeartButton({ productId, t, className }: Props) {
  const { viewer, settled } = useViewer();
  const updates = useViewerUpdates();
  const signedIn = Boolean(viewer?.user);
  const [on, setOn] = useOptimistic(viewer?.wishlist.includes(productId) ?? false);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function toggle() {
    if (!signedIn) return router.push(callbackWithWish(productId));
    startTransition(async () => {
      setOn(!on);
      const res = await setWishlistedAction({ productId }, !on);
      if (res.ok) updates.setWishlisted(productId, res.data.wishlisted);
      else if (res.error.code === "UNAUTHENTICATED") router.push(callbackWithWish(productId));
    });
  }

  return (
    <button
      type="button"
      onClick={toggle}
      disabled={!settled}
      aria-pressed={on}
      aria-busy={pending || !settled}
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
