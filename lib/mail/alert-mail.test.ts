// The alert mails' words, links and ids, in both languages.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { alertMail, alertMailId, type AlertMailFacts } from "./alert-mail";

const base: AlertMailFacts = {
  alertId: randomUUID(),
  kind: "OPENING",
  productId: "0b6f2a1e-8f0e-4c55-9d59-3c3b6f9d2a11",
  productName: "에어 조던 1 <한정>",
  sizeLabel: null,
  opensAt: new Date("2026-12-24T05:00:00Z"), // 14:00 KST
  token: "a.b+c",
};
const app = env.APP_URL.replace(/\/$/, "");

describe("alertMail", () => {
  it("an opening alert names the drop and its opening in Korean time, with the product and unsubscribe links", () => {
    const m = alertMail("ko", base);
    expect(m.subject).toBe("[Hurry Up] 에어 조던 1 <한정> 곧 오픈해요");
    expect(m.text).toContain("에어 조던 1 <한정>이(가) 2026. 12. 24. 오후 2:00에 오픈해요.");
    expect(m.text).toContain(`상품 보기: ${app}/products/${base.productId}`);
    expect(m.text).toContain(`이 알림 해지하기: ${app}/alerts/unsubscribe?token=a.b%2Bc`);
    expect(m.html).toContain("에어 조던 1 &#60;한정&#62;");
    expect(m.html).not.toContain("<한정>");
    expect(m.html).toContain(`href="${app}/alerts/unsubscribe?token=a.b%2Bc"`);
  });

  it("speaks English to an English subscriber", () => {
    const m = alertMail("en", base);
    expect(m.subject).toBe("[Hurry Up] 에어 조던 1 <한정> opens soon");
    expect(m.text).toContain("opens at Dec 24, 2026, 2:00 PM.");
    expect(m.text).toContain("Unsubscribe from this alert: ");
    expect(m.text).not.toMatch(/[가-힣]{2,} (오픈|보기)/);
  });

  it("a restock alert names the size it waited for, or none for the whole product", () => {
    const size = alertMail("ko", { ...base, kind: "RESTOCK", sizeLabel: "사이즈 270", opensAt: null });
    expect(size.subject).toBe("[Hurry Up] 에어 조던 1 <한정> 재입고");
    expect(size.text).toContain("에어 조던 1 <한정> (사이즈 270)이(가) 다시 입고되었어요.");
    const whole = alertMail("en", { ...base, kind: "RESTOCK", opensAt: null });
    expect(whole.text).toContain("에어 조던 1 <한정>, which you asked us about, is back in stock.");
  });

  it("one id per alert, whatever the language or the moment", () => {
    expect(alertMail("ko", base).id).toBe(alertMail("en", { ...base, opensAt: new Date() }).id);
    expect(alertMail("ko", base).id).toBe(alertMailId(base.alertId));
    expect(alertMailId(randomUUID())).not.toBe(alertMailId(base.alertId));
    expect(alertMailId(base.alertId)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
