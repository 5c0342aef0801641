import type { Messages } from "@/lib/i18n/messages";

/** The shopper-facing text for an action's error code. */
export function errorText(code: string, t: Messages["cart"]): string {
  if (code === "SOLD_OUT") return t.errorSoldOut;
  if (code === "ENDED") return t.errorEnded;
  if (code === "LIMIT_EXCEEDED") return t.errorLimit;
  return t.errorGeneric;
}
