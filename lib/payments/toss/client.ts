// The Toss Payments client: confirm, look up (by paymentKey, by orderId) and cancel, with Basic auth,
// zod-validated answers, a per-attempt timeout, bounded jittered retries and a circuit breaker.
// Retries are safe by construction: look-ups change nothing, and confirm/cancel resend the same
// Idempotency-Key, so Toss answers a repeat with its first answer instead of charging or refunding twice.
// `409 IDEMPOTENT_REQUEST_PROCESSING` ("the first request with this key is still running") and Toss's
// temporary codes are retried like a timeout; any other 4xx is never retried, and a 4xx to a POST that
// follows an attempt which may have reached Toss is reported as unknown, not declined (outcome.ts).
// Also runs in the worker process (reconciliation, refunds, webhooks), hence no "server-only" marker.
import { EventEmitter } from "node:events";
import { log } from "@/lib/log";
import { backoffDelay, defaultBackoff, sleep as realSleep, type BackoffOptions } from "./backoff";
import { createBreaker, isBreakerOpenError, type BreakerOptions } from "./breaker";
import type { TossCallEvent, TossOperation, TossOutcome, UnknownReason } from "./outcome";
import { cancelRequestSchema, confirmRequestSchema, idempotencyKeySchema, orderIdSchema, paymentKeySchema, paymentSchema, tossErrorSchema } from "./schemas";
import { sendOnce, TransientError, type TossAnswer, type TossRequest, type TransportConfig } from "./transport";

export type TossClientOptions = TransportConfig & {
  /** Retries after the first attempt, for attempts that ended without a definite answer. */
  maxRetries: number;
  backoff?: BackoffOptions;
  breaker?: BreakerOptions;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
};

export type ConfirmInput = { paymentKey: string; orderId: string; amount: number; idempotencyKey: string };
export type CancelInput = { cancelReason: string; cancelAmount?: number; idempotencyKey: string };

export type TossClient = ReturnType<typeof createTossClient>;

export function createTossClient(options: TossClientOptions) {
  const { maxRetries, backoff = defaultBackoff, sleep = realSleep } = options;
  const breaker = createBreaker((req: TossRequest) => sendOnce(options, req), options.breaker);
  const events = new EventEmitter();
  breaker.on("open", () => log.warn({ breaker: "toss" }, "toss circuit breaker opened: payments unavailable"));
  breaker.on("close", () => log.info({ breaker: "toss" }, "toss circuit breaker closed: payments available"));

  async function call(operation: TossOperation, req: TossRequest): Promise<TossOutcome> {
    const started = performance.now();
    const outcome = await attemptAll(req);
    const event: TossCallEvent = {
      operation,
      kind: outcome.kind,
      attempts: outcome.attempts,
      durationMs: performance.now() - started,
      ...(outcome.kind === "unknown" && { reason: outcome.reason }),
      ...(outcome.kind === "declined" && { code: outcome.code }),
    };
    // While the breaker is open every checkout would log the same line; the transition is logged once above.
    if (outcome.kind === "unknown" && outcome.reason !== "circuit_open") log.warn({ toss: event, detail: outcome.detail }, "toss call ended without a definite answer");
    events.emit("call", event);
    return outcome;
  }

  async function attemptAll(req: TossRequest): Promise<TossOutcome> {
    let attempts = 0;
    let sent = false;
    let last: { reason: UnknownReason; message: string; code?: string } | undefined;
    for (let retry = 0; retry <= maxRetries; retry++) {
      if (retry > 0) await sleep(backoffDelay(retry, backoff));
      let answer: TossAnswer;
      try {
        answer = await breaker.fire(req);
      } catch (error) {
        if (isBreakerOpenError(error)) return { kind: "unknown", reason: "circuit_open", sent, attempts, detail: last?.message };
        if (!(error instanceof TransientError)) throw error;
        attempts += 1;
        sent ||= error.mayHaveArrived;
        last = { reason: error.reason, message: error.message };
        continue;
      }
      attempts += 1;
      const pending = notYetKnown(answer);
      if (pending) {
        // Toss saw the request and has not decided (or could not right now): ask again with the same key.
        sent = true;
        last = pending;
        continue;
      }
      const outcome = classify(answer, attempts);
      // A refusal of a repeat says nothing certain about the attempt that may have arrived before it (its
      // stored answer may not exist yet): the caller must look the payment up.
      if (outcome.kind === "declined" && sent && req.method === "POST") {
        return { kind: "unknown", reason: "after_unknown", sent, attempts, code: outcome.code, detail: `HTTP ${outcome.status} ${outcome.code} after an unknown attempt` };
      }
      return outcome;
    }
    return { kind: "unknown", reason: last!.reason, sent, attempts, detail: last!.message, ...(last!.code && { code: last!.code }) };
  }

  return {
    /** Confirms with the amount the shop stored — never one taken from the browser. */
    confirmPayment(input: ConfirmInput): Promise<TossOutcome> {
      const body = confirmRequestSchema.parse({ paymentKey: input.paymentKey, orderId: input.orderId, amount: input.amount });
      const idempotencyKey = idempotencyKeySchema.parse(input.idempotencyKey);
      return call("confirm", { method: "POST", path: "/v1/payments/confirm", body, idempotencyKey });
    },
    getPayment(paymentKey: string): Promise<TossOutcome> {
      return call("getPayment", { method: "GET", path: `/v1/payments/${encodeURIComponent(paymentKeySchema.parse(paymentKey))}` });
    },
    getPaymentByOrderId(orderId: string): Promise<TossOutcome> {
      return call("getPaymentByOrderId", { method: "GET", path: `/v1/payments/orders/${encodeURIComponent(orderIdSchema.parse(orderId))}` });
    },
    /** Full cancel without cancelAmount, partial with it. Refunds at most once per idempotencyKey. */
    cancelPayment(paymentKey: string, input: CancelInput): Promise<TossOutcome> {
      const body = cancelRequestSchema.parse({ cancelReason: input.cancelReason, cancelAmount: input.cancelAmount });
      const idempotencyKey = idempotencyKeySchema.parse(input.idempotencyKey);
      const path = `/v1/payments/${encodeURIComponent(paymentKeySchema.parse(paymentKey))}/cancel`;
      return call("cancel", { method: "POST", path, body, idempotencyKey });
    },
    /** False while the breaker is open: checkout can refuse at once instead of waiting for timeouts. */
    isAvailable: () => breaker.state() !== "open",
    breakerState: () => breaker.state(),
    breakerCounters: () => breaker.counters(),
    onBreakerEvent: breaker.on,
    /** Subscribe to one event per finished call (for metrics). Returns the unsubscribe function. */
    onCall(listener: (event: TossCallEvent) => void): () => void {
      events.on("call", listener);
      return () => events.off("call", listener);
    },
    shutdown: () => breaker.shutdown(),
  };
}

/** The 409 of Toss's idempotency guide: the first request with this key is still being processed. */
export const PROCESSING_CODE = "IDEMPOTENT_REQUEST_PROCESSING";
/** Toss's temporary failures: nothing was decided; the same request may succeed a moment later. */
export const TEMPORARY_CODES: ReadonlySet<string> = new Set(["PROVIDER_ERROR", "FORBIDDEN_CONSECUTIVE_REQUEST", "FAILED_INTERNAL_SYSTEM_PROCESSING"]);

function notYetKnown(answer: TossAnswer): { reason: UnknownReason; message: string; code: string } | null {
  if (answer.status < 400) return null;
  const error = tossErrorSchema.safeParse(answer.body);
  if (!error.success) return null;
  const { code } = error.data;
  if (code === PROCESSING_CODE) return { reason: "processing", message: `HTTP ${answer.status} ${code}`, code };
  if (TEMPORARY_CODES.has(code)) return { reason: "temporary", message: `HTTP ${answer.status} ${code}`, code };
  return null;
}

function classify(answer: TossAnswer, attempts: number): TossOutcome {
  if (answer.status >= 200 && answer.status < 300) {
    const payment = paymentSchema.safeParse(answer.body);
    if (payment.success) return { kind: "success", payment: payment.data, attempts };
    return { kind: "unknown", reason: "invalid_response", sent: true, attempts, detail: `HTTP ${answer.status}: ${payment.error.issues[0]?.message}` };
  }
  const error = tossErrorSchema.safeParse(answer.body);
  if (answer.status >= 400 && error.success) {
    return { kind: "declined", status: answer.status, code: error.data.code, message: error.data.message, attempts };
  }
  // A 4xx without Toss's error body (a proxy page, a wrong base URL) or a 1xx/3xx is not Toss's answer.
  return { kind: "unknown", reason: "invalid_response", sent: true, attempts, detail: `HTTP ${answer.status} without a Toss body` };
}
