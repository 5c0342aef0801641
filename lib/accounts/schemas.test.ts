import { describe, expect, test } from "vitest";
import { fieldErrors } from "@/lib/validation";
import { changePasswordSchema, passwordSchema, phoneSchema, signUpSchema } from "./schemas";

const errors = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrors(r.error as never));
const policy = (p: string) => {
  const r = passwordSchema.safeParse(p);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("password policy", () => {
  test("accepts 8+ characters mixing letters, digits and symbols", () => {
    expect(policy("Hurryup!2026")).toEqual([]);
    expect(policy("a1!aaaaa")).toEqual([]);
    expect(policy("비밀번호1234!")).toEqual([]);
  });
  test("reports every unmet rule", () => {
    expect(policy("abc")).toEqual(["password_too_short", "password_needs_digit", "password_needs_symbol"]);
    expect(policy("12345678")).toEqual(["password_needs_letter", "password_needs_symbol"]);
    expect(policy("abcdefgh1")).toEqual(["password_needs_symbol"]);
    expect(policy("abcdefg!!")).toEqual(["password_needs_digit"]);
    expect(policy("a1! ".repeat(40))).toContain("password_too_long");
    expect(policy("")).toEqual(["required"]);
  });
  test("the new password must differ from the current one", () => {
    expect(errors(changePasswordSchema.safeParse({ currentPassword: "Hurryup!2026", newPassword: "Hurryup!2026" }))).toEqual({ newPassword: ["same_password"] });
  });
});

describe("sign-up input", () => {
  const valid = { email: " Kim@Example.com ", password: "Hurryup!2026", name: "김하나", phone: "010 1234 5678", agreeTerms: true, agreePrivacy: true, confirmAge14: true };
  test("normalizes email and phone; address optional; buyer by default", () => {
    const r = signUpSchema.parse(valid);
    expect(r).toMatchObject({ role: "BUYER", email: "kim@example.com", phone: "010-1234-5678", address: null });
    expect(phoneSchema.parse("0111234567")).toBe("011-123-4567");
  });
  test("every field error is kept, keyed by field", () => {
    expect(errors(signUpSchema.safeParse({ email: "nope", password: "short", phone: "12" }))).toEqual({
      email: ["invalid_email"],
      password: ["password_too_short", "password_needs_digit", "password_needs_symbol"],
      name: ["required"],
      phone: ["invalid_phone"],
      agreeTerms: ["consent_required"],
      agreePrivacy: ["consent_required"],
      confirmAge14: ["consent_required"],
    });
  });
  test("terms, privacy and age 14+ are required; marketing is optional and false unless given", () => {
    expect(signUpSchema.parse(valid).agreeMarketing).toBe(false);
    expect(signUpSchema.parse({ ...valid, agreeMarketing: true }).agreeMarketing).toBe(true);
    expect(errors(signUpSchema.safeParse({ ...valid, agreeTerms: false, confirmAge14: "on" }))).toEqual({ agreeTerms: ["consent_required"], confirmAge14: ["consent_required"] });
  });
  test("a seller needs a shop name", () => {
    expect(errors(signUpSchema.safeParse({ ...valid, role: "SELLER" }))).toEqual({ shopName: ["required"] });
    expect(signUpSchema.parse({ ...valid, role: "SELLER", shopName: "하나상점" }).shopName).toBe("하나상점");
  });
  test("an admin cannot sign up", () => {
    expect(errors(signUpSchema.safeParse({ ...valid, role: "ADMIN" }))).toEqual({ role: ["invalid"] });
  });
});
