"use client";
// The viewer's summary (lib/accounts/viewer.ts) for the islands of cached pages: the header's account
// corner, the cart badge and the hearts share one query, so a page costs one GET /api/me/summary.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { VIEWER_SUMMARY_PATH, type ViewerSummary } from "@/lib/accounts/viewer";

const viewerKey = ["viewer"] as const;

async function fetchSummary(): Promise<ViewerSummary> {
  const res = await fetch(VIEWER_SUMMARY_PATH, { cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(`viewer summary ${res.status}`);
  return (await res.json()) as ViewerSummary;
}

/** The summary (undefined until it arrives), and whether it has been settled (arrived or failed). */
export function useViewer() {
  const query = useQuery({ queryKey: viewerKey, queryFn: fetchSummary });
  return { viewer: query.data, settled: query.isSuccess || query.isError };
}

/** Local corrections after a change the island itself made, without waiting for a refetch. */
export function useViewerUpdates() {
  const client = useQueryClient();
  const update = (f: (v: ViewerSummary) => ViewerSummary) => client.setQueryData<ViewerSummary>(viewerKey, (v) => v && f(v));
  return {
    setWishlisted: (productId: string, on: boolean) =>
      update((v) => ({ ...v, wishlist: on ? [productId, ...v.wishlist.filter((id) => id !== productId)] : v.wishlist.filter((id) => id !== productId) })),
    setCartCount: (cartCount: number) => update((v) => ({ ...v, cartCount })),
  };
}

/**
 * Refetches the summary when it may have changed: on every navigation (sign-in and sign-out land on
 * another page) and whenever the server tree is re-rendered — a server action's refresh() or
 * router.refresh() after a cart or wishlist change re-renders the root layout, which hands a new `stamp`.
 */
export function ViewerSync({ stamp }: { stamp: number }) {
  const client = useQueryClient();
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // the islands' own first fetch is under way
      return;
    }
    void client.invalidateQueries({ queryKey: viewerKey });
  }, [client, pathname, stamp]);
  return null;
}
