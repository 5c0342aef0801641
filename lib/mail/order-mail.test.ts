// The order mails' words in both languages, and their ids: one per order and kind, one per refunded payment.
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { orderMail, orderMailId, orderMailKinds } from "./order-mail";

const facts = { orderId: "HU-20261224-ABC123", orderName: "에어 조던 1 외 1건", amount: 219_000, time: new Date("2026-12-24T05:00:00Z") };

describe("orderMail", () => {
  it("every kind has its subject and body in Korean and English", () => {
    for (const locale of ["ko", "en"] as const) {
      const t = messages[locale].orders.mail;
      for (const kind of orderMailKinds) {
        expect(t[`${kind}Subject`], `${locale} ${kind}`).toBeTruthy();
        expect(t[`${kind}Body`], `${locale} ${kind}`).toBeTruthy();
        expect(orderMail(locale, kind, facts).subject).toContain(facts.orderId);
      }
    }
  });

  it("PAID says the amount paid; REFUNDED the amount given back", () => {
    expect(orderMail("ko", "PAID", facts).text).toContain("에어 조던 1 외 1건 주문의 결제 ₩219,000이 완료되었어요.");
    expect(orderMail("en", "PAID", facts).text).toContain("Your payment of ₩219,000 for 에어 조던 1 외 1건 is complete.");
    const refund = orderMail("en", "REFUNDED", { ...facts, amount: 109_000, mailKey: "pay_1" });
    expect(refund.subject).toBe("[Hurry Up] Refund complete (HU-20261224-ABC123)");
    expect(refund.text).toContain("Your payment of ₩109,000 for 에어 조던 1 외 1건 has been cancelled and refunded.");
    expect(refund.text).toContain("View order: ");
  });

  it("the detail line follows the body; times are Korean time in the reader's words", () => {
    const placed = orderMail("en", "placed", facts);
    expect(placed.text).toContain("by Dec 24, 2026, 2:00 PM.");
    expect(orderMail("ko", "placed", facts).text).toContain("2026. 12. 24. 오후 2:00까지");
    const shipped = orderMail("en", "SHIPPING", { ...facts, detail: "CJ Logistics 123456789012 https://example.test/t?n=1&x=<2>" });
    expect(shipped.text).toContain("is on its way.\nCJ Logistics 123456789012");
    expect(shipped.html).toContain("&#60;2&#62;");
  });

  it("ids: the same for the same order and kind in any language, another per refunded payment", () => {
    expect(orderMail("ko", "PAID", facts).id).toBe(orderMail("en", "PAID", facts).id);
    expect(orderMailId(facts.orderId, "PAID")).not.toBe(orderMailId(facts.orderId, "placed"));
    const a = orderMail("ko", "REFUNDED", { ...facts, mailKey: "pay_1" }).id;
    expect(a).toBe(orderMailId(facts.orderId, "REFUNDED", "pay_1"));
    expect(a).not.toBe(orderMailId(facts.orderId, "REFUNDED", "pay_2"));
  });
});
