// Where the browser is sent to pay when no Toss client key is set: the stand-in payment window, at the
// address the browser reaches (TOSS_CHECKOUT_BASE_URL) when it differs from the server's (containers).
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubEnvs } from "@/test/env";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const order = { id: "HU-20261130-0001", orderName: "한정판 스니커즈", amount: 129_000 };

async function standInUrl(vars: Record<string, string>) {
  stubEnvs({ APP_URL: "http://localhost:3000", NEXT_PUBLIC_TOSS_CLIENT_KEY: "", ...vars });
  const { paymentRequestFor } = await import("@/lib/payments/checkout");
  return new URL(paymentRequestFor(order).standInUrl!);
}

describe("paymentRequestFor's stand-in payment window", () => {
  it("is on TOSS_API_BASE_URL when nothing else is set", async () => {
    const url = await standInUrl({ TOSS_API_BASE_URL: "http://127.0.0.1:4010", TOSS_CHECKOUT_BASE_URL: "" });
    expect(`${url.origin}${url.pathname}`).toBe("http://127.0.0.1:4010/checkout");
  });

  it("is on TOSS_CHECKOUT_BASE_URL when set, with the order's parameters and the shop's return addresses", async () => {
    const url = await standInUrl({ TOSS_API_BASE_URL: "http://toss:4010", TOSS_CHECKOUT_BASE_URL: "http://localhost:4010" });
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:4010/checkout");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      orderId: order.id,
      amount: "129000",
      orderName: order.orderName,
      successUrl: "http://localhost:3000/payments/success",
      failUrl: "http://localhost:3000/payments/fail",
    });
  });
});
