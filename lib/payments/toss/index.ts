// The shop's Toss client, configured from the environment (TOSS_API_BASE_URL, TOSS_SECRET_KEY, …).
// One instance per process, so one circuit breaker sees every call.
// Also runs in the worker process (reconciliation, refunds, webhooks), hence no "server-only" marker.
import { env } from "@/lib/env";
import type { BreakerEventName } from "./breaker";
import { createTossClient, type CancelInput, type ConfirmInput, type TossClient } from "./client";
import type { TossCallEvent } from "./outcome";

let client: TossClient | undefined;

export function tossClient(): TossClient {
  client ??= createTossClient({
    baseUrl: env.TOSS_API_BASE_URL,
    secretKey: env.TOSS_SECRET_KEY,
    timeoutMs: env.TOSS_TIMEOUT_MS,
    maxRetries: env.TOSS_MAX_RETRIES,
    breaker: { resetTimeoutMs: env.TOSS_BREAKER_RESET_MS },
  });
  return client;
}

export const confirmPayment = (input: ConfirmInput) => tossClient().confirmPayment(input);
export const getPayment = (paymentKey: string) => tossClient().getPayment(paymentKey);
export const getPaymentByOrderId = (orderId: string) => tossClient().getPaymentByOrderId(orderId);
export const cancelPayment = (paymentKey: string, input: CancelInput) => tossClient().cancelPayment(paymentKey, input);

/** False while the breaker is open ("payment is temporarily unavailable"). */
export const isPaymentAvailable = () => tossClient().isAvailable();
export const paymentBreakerState = () => tossClient().breakerState();

// Metrics hooks for the /api/metrics wiring: cumulative breaker counters, breaker transitions, and one
// event per finished call (operation, outcome, attempts, duration).
export const paymentBreakerCounters = () => tossClient().breakerCounters();
export const onPaymentBreakerEvent = (event: BreakerEventName, listener: () => void) => tossClient().onBreakerEvent(event, listener);
export const onTossCall = (listener: (event: TossCallEvent) => void) => tossClient().onCall(listener);

export type { TossOutcome, TossCallEvent, TossOperation, UnknownReason } from "./outcome";
export type { Payment, PaymentStatus, PaymentCancel, PaymentWebhook } from "./schemas";
export type { BreakerState, BreakerCounters, BreakerEventName } from "./breaker";
export type { ConfirmInput, CancelInput, TossClient } from "./client";
