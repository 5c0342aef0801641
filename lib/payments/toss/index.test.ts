// The process-wide client reads the environment and exposes one breaker to every caller.
import { describe, expect, it } from "vitest";
import { isPaymentAvailable, onTossCall, paymentBreakerCounters, paymentBreakerState, tossClient } from "./index";

describe("default toss client", () => {
  it("is one instance, closed and available at start, with zeroed counters and working hooks", () => {
    expect(tossClient()).toBe(tossClient());
    expect(paymentBreakerState()).toBe("closed");
    expect(isPaymentAvailable()).toBe(true);
    expect(paymentBreakerCounters()).toEqual({ fires: 0, successes: 0, failures: 0, rejects: 0, opens: 0, halfOpens: 0, closes: 0 });
    const off = onTossCall(() => {});
    expect(typeof off).toBe("function");
    off();
  });
});
