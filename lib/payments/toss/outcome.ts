// What a Toss call can end in. Callers branch on `kind`:
// - success: Toss answered with the Payment;
// - declined: a definite 4xx answer to a request that is the first to reach Toss (card rejected, already
//   processed, not found…): nothing more will happen for this request;
// - unknown: no definite answer (timeout, network error, 5xx, `409 IDEMPOTENT_REQUEST_PROCESSING` or a
//   temporary code such as PROVIDER_ERROR after the retries, breaker open, a body that is not what Toss
//   sends, or a 4xx to a POST that followed an attempt which may have reached Toss — reason
//   "after_unknown", with Toss's `code`). Unknown is never a decline: the payment may exist, so the caller
//   looks it up by paymentKey before deciding anything. `sent: false` means no request can have reached
//   Toss (the breaker refused it, or the connection was refused), so nothing can have been charged.
import type { Payment } from "./schemas";
import type { TransientReason } from "./transport";

export type UnknownReason = TransientReason | "circuit_open" | "invalid_response" | "processing" | "temporary" | "after_unknown";

export type TossOutcome =
  | { kind: "success"; payment: Payment; attempts: number }
  | { kind: "declined"; status: number; code: string; message: string; attempts: number }
  | { kind: "unknown"; reason: UnknownReason; sent: boolean; attempts: number; detail?: string; code?: string };

export type TossOperation = "confirm" | "getPayment" | "getPaymentByOrderId" | "cancel";

/** Emitted after every client call, for metrics (operation, result, attempts, duration). */
export type TossCallEvent = {
  operation: TossOperation;
  kind: TossOutcome["kind"];
  reason?: UnknownReason;
  code?: string;
  attempts: number;
  durationMs: number;
};
