// The reader's text for an API or action error code, for every domain. Each domain's messages carry the
// texts it can show (cart: sold out, ended, limit; orders: also not open, verify, invalid, transitions);
// a code whose text a domain does not carry falls back to that domain's generic message.
import { fill } from "@/lib/i18n/fill";

export type ApiError = { code?: string; status?: string };

const keyByCode = {
  SOLD_OUT: "errorSoldOut",
  NOT_OPEN: "errorNotOpen",
  ENDED: "errorEnded",
  LIMIT_EXCEEDED: "errorLimit",
  EMAIL_NOT_VERIFIED: "errorVerify",
  PHONE_VERIFICATION_REQUIRED: "errorPhone",
  VALIDATION: "errorInvalid",
  RETURN_WINDOW_CLOSED: "errorReturnClosed",
  RATE_LIMITED: "errorRateLimited",
  ALERT_NOT_UPCOMING: "errorNotUpcoming",
  ALERT_NOT_SOLD_OUT: "errorNotSoldOut",
} as const;

type Key = (typeof keyByCode)[keyof typeof keyByCode];

/** What a domain's messages may offer; only the generic text is required. */
export type ErrorMessages = Partial<Record<Key, string>> & {
  errorGeneric: string;
  /** "Not possible while the order is {status}", with `status` naming the order's state. */
  errorTransition?: string;
  status?: Record<string, string>;
};

/** An error code (or an API error with the order's status) in the reader's language. */
export function errorText(err: ApiError | string | undefined, t: ErrorMessages): string {
  const { code, status } = typeof err === "string" ? { code: err, status: undefined } : (err ?? {});
  if (code === "INVALID_TRANSITION" && t.errorTransition) {
    const name = status && t.status && Object.hasOwn(t.status, status) ? t.status[status] : "";
    return fill(t.errorTransition, { status: name });
  }
  const key = code && Object.hasOwn(keyByCode, code) ? keyByCode[code as keyof typeof keyByCode] : undefined;
  return (key && t[key]) || t.errorGeneric;
}
