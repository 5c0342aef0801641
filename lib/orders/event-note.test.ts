import { describe, expect, it } from "vitest";
import { eventNote, parseEventNote } from "./event-note";

describe("order event notes", () => {
  it("round-trips a code with its parameters", () => {
    expect(eventNote("hold_placed", { units: 2 })).toBe('hold_placed {"units":2}');
    expect(parseEventNote(eventNote("hold_placed", { units: 2 }))).toEqual({ code: "hold_placed", params: { units: 2 } });
    expect(parseEventNote(eventNote("payment_confirming"))).toEqual({ code: "payment_confirming", params: {} });
  });

  it("reads the English sentences of earlier rows as codes", () => {
    expect(parseEventNote("hold of 2 unit(s)")).toEqual({ code: "hold_placed", params: { units: 2 } });
    expect(parseEventNote("ship (after 60 s)")).toEqual({ code: "step_ship", params: { seconds: 60 } });
    expect(parseEventNote("paid (카드)")).toEqual({ code: "paid", params: { method: "카드" } });
    expect(parseEventNote("payment declined (REJECT_CARD): payable again until the hold ends")).toEqual({ code: "payment_declined", params: { code: "REJECT_CARD" } });
    expect(parseEventNote("cancelled by the buyer")).toEqual({ code: "cancelled_by_buyer", params: {} });
    expect(parseEventNote("payment cancelled outside the shop: 고객 요청")).toEqual({ code: "cancelled_outside", params: { reason: "고객 요청" } });
  });

  it("keeps a buyer's own words as text, even when they look like a code", () => {
    expect(parseEventNote("마음이 바뀌었어요")).toEqual({ text: "마음이 바뀌었어요" });
    expect(parseEventNote("changed my mind")).toEqual({ text: "changed my mind" });
    expect(parseEventNote("hold_placed {oops")).toEqual({ text: "hold_placed {oops" });
  });
});
