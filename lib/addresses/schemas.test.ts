import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/validation";
import { addressInputSchema, deliveryChoiceSchema, deliverySchema } from "./schemas";

const valid = { recipient: " 김배송 ", phone: "010 1234 5678", postcode: "04524", address: "서울특별시 중구 세종대로 110" };

describe("deliverySchema", () => {
  it("normalizes the mobile number to E.164, trims text and defaults the optional fields", () => {
    expect(deliverySchema.parse(valid)).toEqual({ recipient: "김배송", phone: "+821012345678", postcode: "04524", address: "서울특별시 중구 세종대로 110", detail: "", memo: "" });
    expect(deliverySchema.parse({ ...valid, phone: "+82 10-1234-5678" }).phone).toBe("+821012345678");
  });

  it("names every field that fails, with a code the forms translate", () => {
    const r = addressInputSchema.safeParse({ recipient: "x".repeat(41), phone: "010-12", postcode: "0452a", address: "서울", memo: "\u202Emalicious", isDefault: "yes" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({
      recipient: ["too_long"], phone: ["invalid_phone"], postcode: ["invalid_postcode"], address: ["address_too_short"], memo: ["invalid_characters"], isDefault: ["invalid"],
    });
    expect(fieldErrors(deliverySchema.safeParse({}).error!)).toMatchObject({ recipient: ["required"], phone: ["required"], postcode: ["required"], address: ["required"] });
  });
});

describe("deliveryChoiceSchema", () => {
  it("takes a saved address or given details, exactly one", () => {
    expect(deliveryChoiceSchema.safeParse({ addressId: "6f1c3c4e-2f59-4a51-9d3e-1f3f6a0b2c7d" }).success).toBe(true);
    expect(deliveryChoiceSchema.safeParse({ delivery: valid }).success).toBe(true);
    expect(fieldErrors(deliveryChoiceSchema.safeParse({}).error!)).toEqual({ delivery: ["choose_one"] });
    expect(fieldErrors(deliveryChoiceSchema.safeParse({ addressId: "6f1c3c4e-2f59-4a51-9d3e-1f3f6a0b2c7d", delivery: valid }).error!)).toEqual({ delivery: ["choose_one"] });
    expect(fieldErrors(deliveryChoiceSchema.safeParse({ addressId: "home" }).error!)).toEqual({ addressId: ["unknown_address"] });
  });
});
