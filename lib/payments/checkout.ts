import "server-only";
// What the browser needs to open the payment window: the widget's parameters, or the stand-in page's
// address (the Toss-compatible server's /checkout, same redirect contract) when no client key is set.
// The amount is always the order's stored amount.
import { env } from "@/lib/env";
import { toss } from "./gateway";

export type PaymentRequest = {
  orderId: string;
  orderName: string;
  amount: number;
  successUrl: string;
  failUrl: string;
  /** Set when Toss's widget is configured (NEXT_PUBLIC_TOSS_CLIENT_KEY). */
  clientKey: string | null;
  /** The stand-in page with every parameter, when there is no client key. */
  standInUrl: string | null;
  /** False while the Toss circuit breaker is open. */
  available: boolean;
};

export function paymentRequestFor(order: { id: string; orderName: string; amount: number }): PaymentRequest {
  const app = env.APP_URL.replace(/\/$/, "");
  const successUrl = `${app}/payments/success`;
  const failUrl = `${app}/payments/fail`;
  const clientKey = env.NEXT_PUBLIC_TOSS_CLIENT_KEY ?? null;
  let standInUrl: string | null = null;
  if (!clientKey) {
    const url = new URL("/checkout", env.TOSS_CHECKOUT_BASE_URL ?? env.TOSS_API_BASE_URL);
    const params = { orderId: order.id, amount: String(order.amount), orderName: order.orderName, successUrl, failUrl };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    standInUrl = url.toString();
  }
  return { orderId: order.id, orderName: order.orderName, amount: order.amount, successUrl, failUrl, clientKey, standInUrl, available: toss().isAvailable() };
}
