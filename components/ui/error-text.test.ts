// One map for every domain: each domain shows the texts its messages carry and its own generic text for the rest.
import { describe, expect, test } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { errorText } from "./error-text";

const { alerts, cart, orders } = messages.ko;

describe("errorText", () => {
  test("cart: sold out, ended and limit have their own text; every other code is the cart's generic text", () => {
    expect(errorText("SOLD_OUT", cart)).toBe(cart.errorSoldOut);
    expect(errorText("ENDED", cart)).toBe(cart.errorEnded);
    expect(errorText("LIMIT_EXCEEDED", cart)).toBe(cart.errorLimit);
    for (const code of ["NOT_OPEN", "VALIDATION", "EMAIL_NOT_VERIFIED", "INVALID_TRANSITION", "NOPE", ""]) expect(errorText(code, cart)).toBe(cart.errorGeneric);
  });

  test("orders: every known code has its text; unknown, missing and inherited names are generic", () => {
    const expected: Record<string, string> = {
      SOLD_OUT: orders.errorSoldOut,
      NOT_OPEN: orders.errorNotOpen,
      ENDED: orders.errorEnded,
      LIMIT_EXCEEDED: orders.errorLimit,
      EMAIL_NOT_VERIFIED: orders.errorVerify,
      VALIDATION: orders.errorInvalid,
      RETURN_WINDOW_CLOSED: orders.errorReturnClosed,
    };
    for (const [code, text] of Object.entries(expected)) expect(errorText({ code }, orders)).toBe(text);
    expect(errorText({ code: "NOPE" }, orders)).toBe(orders.errorGeneric);
    expect(errorText({}, orders)).toBe(orders.errorGeneric);
    expect(errorText(undefined, orders)).toBe(orders.errorGeneric);
    expect(errorText({ code: "toString" }, orders)).toBe(orders.errorGeneric);
  });

  test("orders: a refused transition names the order's current state", () => {
    expect(errorText({ code: "INVALID_TRANSITION", status: "SHIPPING" }, orders)).toBe(orders.errorTransition.replace("{status}", orders.status.SHIPPING));
    expect(errorText({ code: "INVALID_TRANSITION", status: "constructor" }, orders)).toBe(orders.errorTransition.replace("{status}", ""));
    expect(errorText({ code: "INVALID_TRANSITION" }, orders)).toBe(orders.errorTransition.replace("{status}", ""));
  });

  test("alerts: the two refusals, the email to verify and the rate limit have their text; the rest is generic", () => {
    expect(errorText("ALERT_NOT_UPCOMING", alerts)).toBe(alerts.errorNotUpcoming);
    expect(errorText("ALERT_NOT_SOLD_OUT", alerts)).toBe(alerts.errorNotSoldOut);
    expect(errorText("EMAIL_NOT_VERIFIED", alerts)).toBe(alerts.errorVerify);
    expect(errorText("RATE_LIMITED", alerts)).toBe(alerts.errorRateLimited);
    expect(errorText("SOLD_OUT", alerts)).toBe(alerts.errorGeneric);
    expect(errorText("RATE_LIMITED", cart)).toBe(cart.errorGeneric);
  });
});
