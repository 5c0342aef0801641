"use client";
// A guest's tap that needs an account (a wishlist heart, an alert button) is carried through sign-in as a
// search parameter on the way back. Back on the page and signed in, the island that owns the parameter does
// the action once and drops the parameter from the address, so a reload or a shared link does not do it again.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef } from "react";
import { useViewer } from "./viewer";

/** Where sign-in should bring a guest back to: this page, with `param` set to what the tap asked for. */
export function callbackWith(param: string, value: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set(param, value);
  return `/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * Once the viewer is known to be signed in, runs `act` with the value of `param` if the address carries
 * one, then replaces the address without it. Once per page and value, remembered here: the address keeps
 * the parameter until `act` has finished, and the effect may run again meanwhile (a new viewer summary).
 */
export function usePendingAfterSignIn(param: string, act: (value: string) => Promise<void>) {
  const { viewer, settled } = useViewer();
  const router = useRouter();
  const pathname = usePathname();
  const done = useRef<string | null>(null);
  const signedIn = Boolean(viewer?.user);
  // The latest `act` without rerunning the effect for it: callers pass a new closure on every render.
  const run = useEffectEvent(act);

  useEffect(() => {
    if (!settled || !signedIn) return;
    const url = new URL(window.location.href);
    const value = url.searchParams.get(param);
    if (!value || done.current === `${pathname}:${value}`) return;
    done.current = `${pathname}:${value}`;
    url.searchParams.delete(param);
    void actThenDrop(run, value, () => router.replace(url.pathname + url.search, { scroll: false }));
  }, [settled, signedIn, pathname, router, param]);
}

/**
 * Runs the pending tap, then drops its parameter whether the tap worked or not: a failed one (the network,
 * a server error) leaves the page's button in its true state to be tapped again, and is not retried on
 * every reload of an address that still carries it.
 */
export async function actThenDrop(act: (value: string) => Promise<void>, value: string, drop: () => void): Promise<void> {
  try {
    await act(value);
  } catch (err) {
    console.warn("the tap asked for before sign-in failed", err);
  } finally {
    drop();
  }
}
