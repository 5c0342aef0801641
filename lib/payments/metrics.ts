// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Payment metrics on the shop's prom-client registry: confirmations by outcome, Toss calls by operation
// and result, refunds, and the circuit breaker's state (read at scrape time).
import { Counter, Gauge } from "prom-client";
import { metrics } from "@/lib/metrics";
import { toss } from "./gateway";

export type PaymentOutcome = "paid" | "failed" | "declined" | "pending" | "mismatch" | "unavailable" | "expired" | "already" | "compensated" | "refunded";

function create() {
  const registers = [metrics.registry];
  return {
    payments: new Counter({ name: "hurryup_payments_total", help: "Payment confirmations by outcome.", labelNames: ["outcome"] as const, registers }),
    tossCalls: new Counter({ name: "hurryup_toss_calls_total", help: "Toss API calls by operation and result.", labelNames: ["operation", "kind"] as const, registers }),
    refunds: new Counter({ name: "hurryup_refunds_total", help: "Refunds by result.", labelNames: ["result"] as const, registers }),
    breaker: new Gauge({
      name: "hurryup_toss_breaker_open",
      help: "1 while the Toss circuit breaker is open (payments temporarily unavailable), 0.5 half-open.",
      registers,
      collect() {
        const state = toss().breakerState();
        this.set(state === "open" ? 1 : state === "halfOpen" ? 0.5 : 0);
      },
    }),
  };
}

const g = globalThis as unknown as { hurryupPaymentMetrics?: ReturnType<typeof create>; hurryupTossHooked?: boolean };
export const paymentMetrics = (g.hurryupPaymentMetrics ??= create());

/** Counts every Toss call of the default client once per process. */
export function hookTossMetrics(): void {
  if (g.hurryupTossHooked) return;
  g.hurryupTossHooked = true;
  toss().onCall((e) => paymentMetrics.tossCalls.inc({ operation: e.operation, kind: e.kind }));
}

export const countPayment = (outcome: PaymentOutcome) => paymentMetrics.payments.inc({ outcome });
