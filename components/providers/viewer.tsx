"use client";
// The viewer's summary (lib/accounts/viewer.ts) for the islands of cached pages: the header's account
// corner, the cart badge and the hearts share one query, so a page costs one GET /api/me/summary.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { VIEWER_SUMMARY_PATH, type ViewerSummary } from "@/lib/accounts/viewer";

const viewerKey = ["viewer"] as const;

async function fetchSummary(): Promise<ViewerSummary> {
  const res = await fetch(VIEWER_SUMMARY_PATH, { cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(`viewer summary ${res.status}`);
  return (await res.json()) as ViewerSummary;
}

/**
 * The summary (undefined until one arrives) and whether it is this page's (`settled`: arrived or failed).
 * Keyed by the path, so every navigation — sign-in and sign-out land on another page — asks again; until
 * the answer the previous page's summary stands in (no flash in the header), but `settled` stays false, so
 * a heart never acts on who the viewer was before signing in. gcTime 0: a page returned to asks afresh.
 */
export function useViewer() {
  const pathname = usePathname();
  const query = useQuery({ queryKey: [...viewerKey, pathname], queryFn: fetchSummary, placeholderData: keepPreviousData, gcTime: 0 });
  return { viewer: query.data, settled: (query.isSuccess && !query.isPlaceholderData) || query.isError };
}

/** Local corrections after a change the island itself made, without waiting for a refetch. */
export function useViewerUpdates() {
  const client = useQueryClient();
  const update = (f: (v: ViewerSummary) => ViewerSummary) => client.setQueriesData<ViewerSummary>({ queryKey: viewerKey }, (v) => v && f(v));
  return {
    setWishlisted: (productId: string, on: boolean) =>
      update((v) => ({ ...v, wishlist: on ? [productId, ...v.wishlist.filter((id) => id !== productId)] : v.wishlist.filter((id) => id !== productId) })),
    setCartCount: (cartCount: number) => update((v) => ({ ...v, cartCount })),
  };
}

/**
 * Refetches the summary whenever the server tree is re-rendered on the same page — a server action's
 * refresh() or router.refresh() after a cart or wishlist change re-renders the root layout, which hands a
 * new `stamp`. (Navigations are covered by useViewer's key.)
 */
export function ViewerSync({ stamp }: { stamp: number }) {
  const client = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // the islands' own first fetch is under way
      return;
    }
    void client.invalidateQueries({ queryKey: viewerKey });
  }, [client, stamp]);
  return null;
}
