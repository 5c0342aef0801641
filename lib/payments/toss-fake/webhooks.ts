// PAYMENT_STATUS_CHANGED deliveries, as Toss sends them: { eventType, createdAt, data: Payment }, retried
// after any answer but 200. It can duplicate deliveries and hold a window of them to deliver newest first,
// because a receiver must survive both.
import type { FakeConfig } from "./config";
import { kstIso } from "./http-util";
import type { PaymentJson } from "./payment-object";
import { chance, type Rng } from "./rng";

export type WebhookEvent = { eventType: "PAYMENT_STATUS_CHANGED"; createdAt: string; data: PaymentJson };

export type DeliveryLogEntry = {
  paymentKey: string;
  paymentStatus: string;
  attempt: number;
  /** HTTP status of the answer, or null when the receiver could not be reached. */
  httpStatus: number | null;
  at: number;
};

export class WebhookSender {
  deliveries: DeliveryLogEntry[] = [];
  private held: WebhookEvent[] = [];
  private holdTimer: NodeJS.Timeout | undefined;
  private timers = new Set<NodeJS.Timeout>();
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly config: () => FakeConfig,
    private readonly rng: Rng,
    private readonly now: () => number,
  ) {}

  send(payment: PaymentJson) {
    const { url, duplicateRate, reorder, reorderWindowMs } = this.config().webhook;
    if (!url || this.closed) return;
    const event: WebhookEvent = { eventType: "PAYMENT_STATUS_CHANGED", createdAt: kstIso(this.now()), data: payment };
    const copies = chance(this.rng, duplicateRate) ? [event, event] : [event];
    if (!reorder) return copies.forEach((e) => this.deliver(e, 1));
    this.held.push(...copies);
    if (!this.holdTimer) {
      this.active += 1;
      this.holdTimer = setTimeout(() => {
        const batch = this.held.reverse();
        this.held = [];
        this.holdTimer = undefined;
        batch.forEach((e) => this.deliver(e, 1));
        this.done();
      }, reorderWindowMs);
    }
  }

  /** Resolves once nothing is held, in flight or waiting for a retry. */
  idle(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close() {
    this.closed = true;
    clearTimeout(this.holdTimer);
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.active = 0;
    this.done();
  }

  private deliver(event: WebhookEvent, attempt: number) {
    const url = this.config().webhook.url;
    if (!url || this.closed) return;
    this.active += 1;
    fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(event), signal: AbortSignal.timeout(10_000) })
      .then(async (res) => {
        await res.arrayBuffer().catch(() => undefined);
        return res.status;
      })
      .catch(() => null)
      .then((httpStatus) => {
        this.deliveries.push({ paymentKey: event.data.paymentKey, paymentStatus: event.data.status, attempt, httpStatus, at: this.now() });
        const delay = this.config().webhook.retryDelaysMs[attempt - 1];
        if (httpStatus !== 200 && delay !== undefined && !this.closed) this.retryLater(event, attempt + 1, delay);
        this.done();
      });
  }

  private retryLater(event: WebhookEvent, attempt: number, delay: number) {
    this.active += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.deliver(event, attempt);
      this.done();
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private done() {
    this.active = Math.max(0, this.active - 1);
    if (this.active === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}
