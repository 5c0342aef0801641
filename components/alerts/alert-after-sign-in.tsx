"use client";
// A guest who presses an alert button is sent to sign in with `?alert=<kind>[.<variantId>]` on the way back
// (alert-toggle.tsx), as the wishlist heart does. Back on the product page and signed in, this asks for the
// alert once and drops the parameter from the address, so a reload or a shared link does not ask again.
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useViewer } from "@/components/providers/viewer";
import { subscribeAlertAction } from "@/lib/alerts/actions";
import { alertsKey } from "./use-product-alerts";

export const ALERT_PARAM = "alert";

/** Where sign-in should bring a guest back to: this page, with the alert to ask for. */
export function callbackWithAlert(kind: "OPENING" | "RESTOCK", variantId: string | null): string {
  const url = new URL(window.location.href);
  url.searchParams.set(ALERT_PARAM, variantId ? `${kind}.${variantId}` : kind);
  return `/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
}

export function AlertAfterSignIn({ productId }: { productId: string }) {
  const { viewer, settled } = useViewer();
  const client = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const done = useRef<string | null>(null);
  const signedIn = Boolean(viewer?.user);

  useEffect(() => {
    if (!settled || !signedIn) return;
    const url = new URL(window.location.href);
    const asked = url.searchParams.get(ALERT_PARAM);
    if (!asked || done.current === `${pathname}:${asked}`) return;
    done.current = `${pathname}:${asked}`;
    url.searchParams.delete(ALERT_PARAM);
    const [kind, variantId] = asked.split(".");
    // A refusal (opened meanwhile, not sold out any more) leaves the button as it is: it shows the state.
    void subscribeAlertAction({ productId, kind, ...(variantId && { variantId }) }).then(async () => {
      // The buttons' first fetch may have left before the alert was asked and would answer without it: it is
      // cancelled and asked again (an invalidation alone would wait for that first answer and keep it).
      await client.cancelQueries({ queryKey: alertsKey(productId) });
      await client.invalidateQueries({ queryKey: alertsKey(productId) });
      router.replace(url.pathname + url.search, { scroll: false });
    });
  }, [settled, signedIn, pathname, router, client, productId]);
  return null;
}
