// Maps an API error to the shopper's language. Shared by checkout and the order actions.
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

export type ApiError = { code?: string; status?: string };

export function orderErrorText(err: ApiError | undefined, t: Messages["orders"]): string {
  switch (err?.code) {
    case "SOLD_OUT":
      return t.errorSoldOut;
    case "NOT_OPEN":
      return t.errorNotOpen;
    case "ENDED":
      return t.errorEnded;
    case "LIMIT_EXCEEDED":
      return t.errorLimit;
    case "EMAIL_NOT_VERIFIED":
      return t.errorVerify;
    case "VALIDATION":
      return t.errorInvalid;
    case "RETURN_WINDOW_CLOSED":
      return t.errorReturnClosed;
    case "INVALID_TRANSITION":
      return fill(t.errorTransition, { status: err.status && err.status in t.status ? t.status[err.status as keyof typeof t.status] : "" });
    default:
      return t.errorGeneric;
  }
}
