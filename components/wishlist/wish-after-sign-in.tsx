"use client";
// A guest who taps a heart is sent to sign in with `?wish=<productId>` on the way back (heart-button.tsx).
// Back on the page and signed in, this adds the product to the wishlist once and drops the parameter from
// the address (components/providers/after-sign-in.ts). Mounted once, in the root layout.
import { callbackWith, usePendingAfterSignIn } from "@/components/providers/after-sign-in";
import { useViewerUpdates } from "@/components/providers/viewer";
import { setWishlistedAction } from "@/lib/wishlist/actions";

export const WISH_PARAM = "wish";

/** Where sign-in should bring a guest back to: this page, with the product to add. */
export function callbackWithWish(productId: string): string {
  return callbackWith(WISH_PARAM, productId);
}

export function WishAfterSignIn() {
  const updates = useViewerUpdates();
  usePendingAfterSignIn(WISH_PARAM, async (productId) => {
    const res = await setWishlistedAction({ productId }, true);
    if (res.ok) updates.setWishlisted(productId, true);
  });
  return null;
}
