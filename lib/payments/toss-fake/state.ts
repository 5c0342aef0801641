// The fake's memory: payments (one per authorised payment window), stored idempotent answers, and the
// ledger of money that really moved — what tests assert "charged exactly once" against.
import { randomBytes } from "node:crypto";
import type { PaymentStatus } from "@/lib/payments/toss/schemas";

export type CancelRecord = { transactionKey: string; cancelReason: string; cancelAmount: number; refundableAmount: number; canceledAt: number; origin: CancelOrigin };

export type PaymentRecord = {
  paymentKey: string;
  orderId: string;
  orderName: string;
  amount: number;
  status: PaymentStatus;
  /** When the buyer authorised the payment in the window; the session expires from here. */
  requestedAt: number;
  approvedAt?: number;
  balanceAmount: number;
  cancels: CancelRecord[];
  failure?: { code: string; message: string };
  /** "decline": the buyer's card will be refused at confirm (load profile, tests). */
  fate: "approve" | "decline";
  lastTransactionKey?: string;
};

export type Charge = { paymentKey: string; orderId: string; amount: number; at: number };
/** Who cancelled: the shop through the cancel API, or an operator in Toss's console (POST /_fake/console/...). */
export type CancelOrigin = "api" | "console";
export type Refund = { paymentKey: string; orderId: string; amount: number; transactionKey: string; at: number; origin: CancelOrigin };

/** GET /_fake/ledger: the fake's own record of the money, for audits. Times are ISO 8601 (UTC). */
export type LedgerPayment = {
  paymentKey: string;
  orderId: string;
  status: PaymentStatus;
  totalAmount: number;
  balanceAmount: number;
  requestedAt: string;
  approvedAt: string | null;
  cancels: { transactionKey: string; cancelAmount: number; canceledAt: string; origin: CancelOrigin }[];
};
export type Ledger = { payments: LedgerPayment[]; charges: Charge[]; refunds: Refund[] };

export type RequestLogEntry = {
  method: string;
  path: string;
  operation: string;
  idempotencyKey?: string;
  /** The answer's status; null while (or when) it was never answered. */
  status: number | null;
  replayed: boolean;
  fault?: "error" | "hang" | "slow" | "conflict";
  at: number;
};

type StoredAnswer = { status: number; body: unknown; at: number };

const IDEMPOTENCY_TTL_MS = 15 * 24 * 3600_000;

export class FakeState {
  payments = new Map<string, PaymentRecord>();
  private byOrder = new Map<string, string[]>();
  private idempotent = new Map<string, StoredAnswer>();
  charges: Charge[] = [];
  refunds: Refund[] = [];
  requests: RequestLogEntry[] = [];
  /** Idempotency scopes whose first request is still being processed (409 IDEMPOTENT_REQUEST_PROCESSING). */
  inFlight = new Set<string>();

  constructor(private readonly now: () => number) {}

  newPayment(input: { orderId: string; orderName: string; amount: number; fate: PaymentRecord["fate"] }): PaymentRecord {
    const record: PaymentRecord = {
      ...input,
      paymentKey: `tfake_${randomBytes(18).toString("base64url")}`,
      status: "IN_PROGRESS",
      requestedAt: this.now(),
      balanceAmount: input.amount,
      cancels: [],
    };
    this.payments.set(record.paymentKey, record);
    this.byOrder.set(input.orderId, [...(this.byOrder.get(input.orderId) ?? []), record.paymentKey]);
    return record;
  }

  /** A payment as of now: an authorised payment nobody confirmed in time has expired. */
  get(paymentKey: string, sessionTtlMs: number): PaymentRecord | undefined {
    const record = this.payments.get(paymentKey);
    if (record?.status === "IN_PROGRESS" && this.now() - record.requestedAt >= sessionTtlMs) record.status = "EXPIRED";
    return record;
  }

  /** The payment of an order: the one that moved money if any, otherwise the latest attempt. */
  getByOrder(orderId: string, sessionTtlMs: number): PaymentRecord | undefined {
    const records = (this.byOrder.get(orderId) ?? []).map((k) => this.get(k, sessionTtlMs)!);
    return records.find((r) => r.approvedAt !== undefined) ?? records.at(-1);
  }

  /** Toss scopes an Idempotency-Key by API key, method and path (not by body). */
  replay(scope: string): StoredAnswer | undefined {
    const stored = this.idempotent.get(scope);
    if (stored && this.now() - stored.at > IDEMPOTENCY_TTL_MS) {
      this.idempotent.delete(scope);
      return undefined;
    }
    return stored;
  }

  remember(scope: string, status: number, body: unknown) {
    this.idempotent.set(scope, { status, body, at: this.now() });
  }

  reset() {
    this.payments.clear();
    this.byOrder.clear();
    this.idempotent.clear();
    this.charges = [];
    this.refunds = [];
    this.requests = [];
    this.inFlight.clear();
  }

  /** Every payment (as of now, sessions expired where due) with its cancels, and the money movements. */
  ledger(sessionTtlMs: number): Ledger {
    const iso = (ms: number) => new Date(ms).toISOString();
    const payments = [...this.payments.keys()].map((key) => {
      const r = this.get(key, sessionTtlMs)!;
      return {
        paymentKey: r.paymentKey,
        orderId: r.orderId,
        status: r.status,
        totalAmount: r.amount,
        balanceAmount: r.balanceAmount,
        requestedAt: iso(r.requestedAt),
        approvedAt: r.approvedAt === undefined ? null : iso(r.approvedAt),
        cancels: r.cancels.map((c) => ({ transactionKey: c.transactionKey, cancelAmount: c.cancelAmount, canceledAt: iso(c.canceledAt), origin: c.origin })),
      };
    });
    return { payments, charges: this.charges, refunds: this.refunds };
  }
}

export const transactionKey = () => randomBytes(16).toString("hex").toUpperCase();
