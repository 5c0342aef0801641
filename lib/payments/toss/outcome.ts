// What a Toss call can end in. Callers branch on `kind`:
// - success: Toss answered with the Payment;
// - declined: a definite 4xx answer (card rejected, already processed, not found…): nothing more will
//   happen for this request, so an order can fail or be looked up;
// - unknown: no definite answer (timeout, network error, 5xx after the retries, breaker open, a body that
//   is not what Toss sends). The payment may or may not exist: leave the order CONFIRMING and ask Toss
//   later by orderId. `sent: false` means no request can have reached Toss (the breaker refused it, or
//   the connection was refused), so nothing can have been charged.
import type { Payment } from "./schemas";
import type { TransientReason } from "./transport";

export type UnknownReason = TransientReason | "circuit_open" | "invalid_response";

export type TossOutcome =
  | { kind: "success"; payment: Payment; attempts: number }
  | { kind: "declined"; status: number; code: string; message: string; attempts: number }
  | { kind: "unknown"; reason: UnknownReason; sent: boolean; attempts: number; detail?: string };

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
