// Helpers for tests that talk to the fake over real HTTP.
import type { TossFake } from "./server";

export const SECRET = "test_sk_fake_suite";
export const auth = (secret = SECRET) => `Basic ${Buffer.from(`${secret}:`).toString("base64")}`;

let seq = 0;
/** A fresh, valid orderId. */
export const newOrderId = () => `order-${process.pid}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

export async function api(fake: TossFake, method: string, path: string, init: { body?: unknown; key?: string; secret?: string; timeoutMs?: number; rawBody?: string } = {}) {
  const headers: Record<string, string> = { Authorization: auth(init.secret), "Content-Type": "application/json" };
  if (init.key) headers["Idempotency-Key"] = init.key;
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { code?: string; status?: string } };
}

/** The buyer pays in the window (no browser): returns the paymentKey for the success URL. */
export async function authorize(fake: TossFake, orderId: string, amount: number, action = "pay") {
  const res = await fetch(`${fake.url}/v1/_fake/sessions`, { method: "POST", body: JSON.stringify({ orderId, amount, action }) });
  const body = (await res.json()) as { result: string; paymentKey?: string; code?: string };
  if (action === "pay" && body.result !== "success") throw new Error(`could not authorise: ${JSON.stringify(body)}`);
  return body;
}

export const confirm = (fake: TossFake, paymentKey: string, orderId: string, amount: number, key?: string) =>
  api(fake, "POST", "/v1/payments/confirm", { body: { paymentKey, orderId, amount }, key });

/** Waits until `cond` holds (a ceiling in time, not in tries), else fails naming `what`. */
export async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) if (await cond()) return;
  throw new Error(`timed out waiting for ${what}`);
}

/** Slow work that lands only when the test says so (fake.finishSlowWork()): no race with the wall clock. */
export const UNTIL_FINISHED_MS = 600_000;
