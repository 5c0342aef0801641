"use client";
// The viewer's alerts of one product, for the islands of the cached product page: asked for in the browser
// (GET /api/alerts?productId=) once the viewer is known to be signed in, never part of the page's HTML. Every
// alert button of the page shares the one query.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useViewer } from "@/components/providers/viewer";
import type { AlertView } from "@/lib/alerts/schemas";

export const alertsKey = (productId: string) => ["alerts", productId] as const;

async function fetchAlerts(productId: string): Promise<AlertView[]> {
  const res = await fetch(`/api/alerts?productId=${encodeURIComponent(productId)}`, { cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new Error(`alerts ${res.status}`);
  return ((await res.json()) as { alerts: AlertView[] }).alerts;
}

/** `ready`: who the viewer is is known, and a signed-in viewer's alerts have arrived (or failed). */
export function useProductAlerts(productId: string) {
  const { viewer, settled } = useViewer();
  const signedIn = Boolean(viewer?.user);
  const client = useQueryClient();
  const query = useQuery({ queryKey: alertsKey(productId), queryFn: () => fetchAlerts(productId), enabled: settled && signedIn, gcTime: 0 });
  const set = (f: (alerts: AlertView[]) => AlertView[]) => client.setQueryData<AlertView[]>(alertsKey(productId), (a) => f(a ?? []));
  return {
    signedIn,
    ready: settled && (!signedIn || query.isSuccess || query.isError),
    alerts: query.data ?? [],
    added: (alert: AlertView) => set((a) => [alert, ...a.filter((x) => x.id !== alert.id)]),
    removed: (id: string) => set((a) => a.filter((x) => x.id !== id)),
  };
}
