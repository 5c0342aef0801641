"use client";
// A guest who presses an alert button is sent to sign in with `?alert=<kind>[.<variantId>]` on the way back
// (alert-toggle.tsx), as the wishlist heart does. Back on the product page and signed in, this asks for the
// alert once and drops the parameter from the address (components/providers/after-sign-in.ts).
import { useQueryClient } from "@tanstack/react-query";
import { callbackWith, usePendingAfterSignIn } from "@/components/providers/after-sign-in";
import { subscribeAlertAction } from "@/lib/alerts/actions";
import { alertsKey } from "./use-product-alerts";

export const ALERT_PARAM = "alert";

/** Where sign-in should bring a guest back to: this page, with the alert to ask for. */
export function callbackWithAlert(kind: "OPENING" | "RESTOCK", variantId: string | null): string {
  return callbackWith(ALERT_PARAM, variantId ? `${kind}.${variantId}` : kind);
}

export function AlertAfterSignIn({ productId }: { productId: string }) {
  const client = useQueryClient();
  usePendingAfterSignIn(ALERT_PARAM, async (asked) => {
    const [kind, variantId] = asked.split(".");
    // A refusal (opened meanwhile, not sold out any more) leaves the button as it is: it shows the state.
    await subscribeAlertAction({ productId, kind, ...(variantId && { variantId }) });
    // The buttons' first fetch may have left before the alert was asked and would answer without it: it is
    // cancelled and asked again (an invalidation alone would wait for that first answer and keep it).
    await client.cancelQueries({ queryKey: alertsKey(productId) });
    await client.invalidateQueries({ queryKey: alertsKey(productId) });
  });
  return null;
}
