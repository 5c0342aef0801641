// One error type with a fixed list of codes, mapped once to HTTP statuses (lib/http.ts) and once to
// form messages (components read `fields`).
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  PHONE_VERIFICATION_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SOLD_OUT: 409,
  NOT_OPEN: 409,
  ENDED: 409,
  LIMIT_EXCEEDED: 409,
  /** The waiting room (lib/waiting-room): a drop with its room on is bought only with a valid pass. */
  WAITING_ROOM_PASS_REQUIRED: 403,
  PASS_INVALID: 403,
  PASS_EXPIRED: 403,
  PASS_USED: 403,
  /** The room's caps on places per drop: this device, or this client address range, took its share. */
  ROOM_DEVICE_CAP: 403,
  ROOM_RANGE_CAP: 403,
  /** The room does not take entries yet (before its pre-queue window). */
  ROOM_NOT_OPEN: 409,
  INVALID_TRANSITION: 409,
  /** An order ships: it cannot be paid before its delivery details are set (lib/orders/delivery.ts). */
  DELIVERY_REQUIRED: 409,
  /** The address book holds lib/addresses/schemas.ts's MAX_ADDRESSES entries already. */
  ADDRESS_BOOK_FULL: 409,
  RETURN_WINDOW_CLOSED: 409,
  /** An opening alert for a drop that has opened, ended or has no opening time (lib/alerts). */
  ALERT_NOT_UPCOMING: 409,
  /** A restock alert for a size (or product) that has units, or whose sale is not on (lib/alerts). */
  ALERT_NOT_SOLD_OUT: 409,
  /** A body over its route's cap (lib/body.ts); the connection is closed after the answer. */
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION: 422,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  CRON_DISABLED: 503,
  /** GET /api/metrics in production without a METRICS_TOKEN configured (lib/metrics-auth.ts). */
  METRICS_DISABLED: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    // A client error (a refusal: sold out, 409, 422…) is an answer, not a fault: its stack would say
    // nothing, and capturing one was the largest cost of an opening's refusals.
    const limit = Error.stackTraceLimit;
    if (errorStatus[code] < 500) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = "AppError";
  }
  get status(): number {
    return errorStatus[this.code];
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields && { fields: this.fields }), ...this.extra } };
  }
}

export const notFound = (what = "resource") => new AppError("NOT_FOUND", `${what} not found`);
