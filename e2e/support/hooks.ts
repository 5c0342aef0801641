// The journeys say when time passes (lib/test-hooks; scripts/e2e.sh turns the hooks on and keeps the
// shop's day-long lifecycle delays): an order's next time-based step is taken when the journey asks, and a
// drop opens a few seconds after the journey asks, by the server's clock.
import { expect, type APIRequestContext } from "@playwright/test";

const origin = () => `http://localhost:${process.env.E2E_PORT ?? 3100}`;

async function post(request: APIRequestContext, path: string, data: unknown) {
  const res = await request.post(path, { data, headers: { origin: origin() } });
  expect(res.status(), `${path} → ${await res.text()}`).toBe(200);
  return res.json();
}

export type Step = "ship" | "deliver" | "completeReturn";

/** The worker's step for this order, taken now as if its delay were over; fails unless the order moved. */
export async function takeStep(request: APIRequestContext, orderId: string, step: Step): Promise<void> {
  await post(request, `/api/test-hooks/orders/${orderId}/advance`, { step });
}

/** Reschedules the drop to open `inSeconds` from the server's now (through the seller's own update). */
export async function scheduleOpening(request: APIRequestContext, productId: string, inSeconds: number): Promise<void> {
  await post(request, `/api/test-hooks/products/${productId}/opening`, { inSeconds });
}

/** Placeholder places in a drop's waiting room, ahead of or behind everyone (a crowd without accounts). */
export async function roomCrowd(request: APIRequestContext, productId: string, where: "ahead" | "behind", n: number): Promise<number> {
  return (await post(request, `/api/test-hooks/waiting-room/${productId}/crowd`, { where, n })).queued;
}
