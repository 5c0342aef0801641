import { describe, expect, it } from "vitest";
import { formatMobile, maskMobile, toE164 } from "./phone-number";
import { phoneCodeSchema, mobileNumberSchema } from "./schemas";

describe("Korean mobile numbers", () => {
  it("accepts the usual ways of writing 010 numbers and stores E.164", () => {
    for (const v of ["010-1234-5678", "01012345678", " 010 1234 5678 ", "+82 10-1234-5678", "+821012345678", "+82 010 1234 5678", "0082-10-1234-5678"]) {
      expect(toE164(v)).toBe("+821012345678");
    }
  });
  it("refuses landlines, old prefixes, wrong lengths and other countries", () => {
    for (const v of ["02-123-4567", "011-234-5678", "010-123-4567", "010-1234-56789", "+1 650 555 0100", "abc", ""]) expect(toE164(v)).toBeNull();
  });
  it("formats and masks", () => {
    expect(formatMobile("+821012345678")).toBe("010-1234-5678");
    expect(maskMobile("+821012345678")).toBe("010-****-5678");
  });
  it("schemas report field codes", () => {
    expect(mobileNumberSchema.safeParse("010-1234-5678")).toEqual({ success: true, data: "+821012345678" });
    expect(mobileNumberSchema.safeParse("02-123-4567").error?.issues[0].message).toBe("invalid_mobile");
    expect(mobileNumberSchema.safeParse("").error?.issues[0].message).toBe("required");
    expect(phoneCodeSchema.safeParse(" 123456 ")).toEqual({ success: true, data: "123456" });
    expect(phoneCodeSchema.safeParse("12345").error?.issues[0].message).toBe("invalid_code");
    expect(phoneCodeSchema.safeParse("12345a").error?.issues[0].message).toBe("invalid_code");
  });
});
