// The stand-in payment window over HTTP: it renders the order and redirects with the widget's contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTossFake, type TossFake } from "./server";
import { confirm, newOrderId, SECRET } from "./test-support";

let fake: TossFake;
beforeAll(async () => {
  fake = await startTossFake({ secretKeys: [SECRET] });
});
afterAll(() => fake.close());

const shop = "http://localhost:3000";
const params = (orderId: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({ orderId, amount: "129000", orderName: "한정판 스니커즈", successUrl: `${shop}/checkout/success?from=toss`, failUrl: `${shop}/checkout/fail`, customerName: "김철수", ...extra });

async function press(orderId: string, action: string) {
  const res = await fetch(`${fake.url}/checkout`, { method: "POST", body: params(orderId, { action }), redirect: "manual" });
  expect(res.status).toBe(303);
  return new URL(res.headers.get("location")!);
}

describe("checkout page", () => {
  it("shows the order, the amount in won and the three choices, in Korean by default", async () => {
    const res = await fetch(`${fake.url}/checkout?${params(newOrderId())}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("한정판 스니커즈");
    expect(html).toContain("₩129,000");
    expect(html).toContain("김철수");
    for (const action of ["pay", "reject", "cancel"]) expect(html).toContain(`value="${action}"`);
    expect(html).toContain("결제하기");
    const en = await (await fetch(`${fake.url}/checkout?${params(newOrderId())}`, { headers: { cookie: "locale=en" } })).text();
    expect(en).toContain("Close window");
  });

  it("escapes what it echoes", async () => {
    const html = await (await fetch(`${fake.url}/checkout?${params(newOrderId(), { orderName: `<script>alert(1)</script>` })}`)).text();
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;");
  });

  it("answers 400 with the problems for a bad request", async () => {
    const res = await fetch(`${fake.url}/checkout?${params("bad id!", { amount: "-5", successUrl: "javascript:alert(1)" })}`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("orderId");
    expect(html).toContain("amount");
    expect(html).toContain("successUrl");
  });

  it("pay redirects to successUrl with paymentKey, orderId, amount and paymentType=NORMAL, and that confirms", async () => {
    const orderId = newOrderId();
    const to = await press(orderId, "pay");
    expect(`${to.origin}${to.pathname}`).toBe(`${shop}/checkout/success`);
    expect(to.searchParams.get("from")).toBe("toss");
    expect(to.searchParams.get("orderId")).toBe(orderId);
    expect(to.searchParams.get("amount")).toBe("129000");
    expect(to.searchParams.get("paymentType")).toBe("NORMAL");
    const paymentKey = to.searchParams.get("paymentKey")!;
    expect((await confirm(fake, paymentKey, orderId, 129_000)).body).toMatchObject({ status: "DONE", orderName: "한정판 스니커즈" });
  });

  it("close window redirects to failUrl with PAY_PROCESS_CANCELED; card rejected by the card company with REJECT_CARD_COMPANY", async () => {
    const orderId = newOrderId();
    const closed = await press(orderId, "cancel");
    expect(`${closed.origin}${closed.pathname}`).toBe(`${shop}/checkout/fail`);
    expect(Object.fromEntries(closed.searchParams)).toEqual({ code: "PAY_PROCESS_CANCELED", message: expect.any(String), orderId });
    const rejected = await press(orderId, "reject");
    expect(rejected.searchParams.get("code")).toBe("REJECT_CARD_COMPANY");
    expect([...fake.state.payments.values()].filter((p) => p.orderId === orderId)).toHaveLength(0);
  });

  it("refuses an unknown action", async () => {
    const res = await fetch(`${fake.url}/checkout`, { method: "POST", body: params(newOrderId(), { action: "steal" }), redirect: "manual" });
    expect(res.status).toBe(400);
  });
});
