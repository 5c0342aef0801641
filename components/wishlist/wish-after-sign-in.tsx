"use client";
// A guest who taps a heart is sent to sign in with `?wish=<productId>` on the way back (heart-button.tsx).
// Back on the page and signed in, this adds the product to the wishlist once and drops the parameter from
// the address, so a reload or a shared link does not add it again. Mounted once, in the root layout.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useViewer, useViewerUpdates } from "@/components/providers/viewer";
import { setWishlistedAction } from "@/lib/wishlist/actions";

export const WISH_PARAM = "wish";

/** Where sign-in should bring a guest back to: this page, with the product to add. */
export function callbackWithWish(productId: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set(WISH_PARAM, productId);
  return `/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
}

export function WishAfterSignIn() {
  const { viewer, settled } = useViewer();
  const updates = useViewerUpdates();
  const router = useRouter();
  const pathname = usePathname();
  const done = useRef<string | null>(null);
  const signedIn = Boolean(viewer?.user);

  useEffect(() => {
    if (!settled || !signedIn) return;
    const url = new URL(window.location.href);
    const productId = url.searchParams.get(WISH_PARAM);
    if (!productId || done.current === `${pathname}:${productId}`) return;
    done.current = `${pathname}:${productId}`;
    url.searchParams.delete(WISH_PARAM);
    void setWishlistedAction({ productId }, true).then((res) => {
      if (res.ok) updates.setWishlisted(productId, true);
      router.replace(url.pathname + url.search, { scroll: false });
    });
  }, [settled, signedIn, pathname, router, updates]);
  return null;
}
