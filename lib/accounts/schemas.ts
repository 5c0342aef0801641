// Account inputs (zod only, shared by the client forms, the server actions and the JSON API). Error
// messages are codes (keys of messages.accounts.fieldErrors) so forms can show them in either language.
import { z } from "zod";
import { emailSchema, passwordText } from "@/lib/auth/schemas";
import { text } from "@/lib/validation";
import { toE164 } from "./phone-number";

const str = (max: number) =>
  text(max, { error: (iss) => (iss.input === undefined || iss.input === null ? "required" : "invalid") }).min(1, { error: "required", abort: true });

/** 8+ characters mixing letters, digits and symbols. Every unmet rule is reported, not just the first. */
export const passwordSchema = passwordText(128).superRefine((p, ctx) => {
    if (p.length < 8) ctx.addIssue({ code: "custom", message: "password_too_short" });
    if (!/\p{L}/u.test(p)) ctx.addIssue({ code: "custom", message: "password_needs_letter" });
    if (!/\p{N}/u.test(p)) ctx.addIssue({ code: "custom", message: "password_needs_digit" });
    if (!/[^\p{L}\p{N}\s]/u.test(p)) ctx.addIssue({ code: "custom", message: "password_needs_symbol" });
  });

/** Korean mobile numbers, stored as 010-1234-5678. */
export const phoneSchema = text(30, { error: "required", tooLong: "invalid_phone", invalidCharacters: "invalid_phone" })
  .min(1, { error: "required", abort: true })
  .transform((p) => p.replace(/[\s-]/g, ""))
  .refine((p) => /^01[016789]\d{7,8}$/.test(p), { error: "invalid_phone" })
  .transform((p) => `${p.slice(0, 3)}-${p.slice(3, p.length - 4)}-${p.slice(-4)}`);

const optionalAddress = text(200)
  .nullish()
  .transform((a) => a || null);

/** A required consent box: anything but `true` (absent, false, "on" unconverted) is refused. */
const mustAgree = z.literal(true, { error: "consent_required" });
/** The consents of a sign-up (with a password or through Kakao / Naver); marketing is separate and optional. */
export const consentFields = {
  agreeTerms: mustAgree,
  agreePrivacy: mustAgree,
  confirmAge14: mustAgree,
  agreeMarketing: z.boolean({ error: "invalid" }).default(false),
};

export const signUpSchema = z
  .object({
    ...consentFields,
    role: z.enum(["BUYER", "SELLER"], { error: "invalid" }).default("BUYER"),
    email: emailSchema,
    password: passwordSchema,
    name: str(50),
    phone: phoneSchema,
    address: optionalAddress,
    shopName: text(50).nullish(),
    locale: z.enum(["ko", "en"]).optional(),
  })
  // `when`: report a missing shop name together with the other fields' errors, not only after they pass.
  .refine((v) => v.role !== "SELLER" || !!v.shopName, {
    path: ["shopName"],
    error: "required",
    when: (p) => {
      const v = p.value as { role?: unknown; shopName?: unknown };
      return v?.role === "SELLER" && (typeof v.shopName !== "string" || v.shopName.trim() === "");
    },
  });
export type SignUpInput = z.input<typeof signUpSchema>;

export const verifySchema = z.object({ token: text(200, { error: "required", tooLong: "invalid", invalidCharacters: "invalid" }).min(10, { error: "invalid" }) });

export const updateProfileSchema = z
  .object({ name: str(50).optional(), phone: phoneSchema.optional(), address: optionalAddress.optional(), shopName: str(50).optional() })
  .strict();
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: passwordText(256), newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], error: "same_password" });

/**
 * Deleting the account: an account with a password confirms with it; one without (made through Kakao or
 * Naver) confirms by typing its own email address, as the account page shows it. The service says which
 * is missing.
 */
export const deleteAccountSchema = z.object({
  password: passwordText(256).optional(),
  confirmEmail: text(254, { error: "required", tooLong: "confirm_mismatch", invalidCharacters: "confirm_mismatch" }).optional(),
});

/** A Korean mobile number to verify by SMS (010 numbers), as E.164 ("+821012345678"). */
export const mobileNumberSchema = text(30, { error: "required", tooLong: "invalid_mobile", invalidCharacters: "invalid_mobile" })
  .min(1, { error: "required", abort: true })
  .transform((v, ctx) => toE164(v) ?? (ctx.addIssue({ code: "custom", message: "invalid_mobile" }), z.NEVER));

/** The six digits of an SMS code. */
export const phoneCodeSchema = text(6, { error: "required", tooLong: "invalid_code", invalidCharacters: "invalid_code" }).regex(/^\d{6}$/, { error: "invalid_code" });

export const requestPhoneCodeSchema = z.object({ phone: mobileNumberSchema });
export const confirmPhoneCodeSchema = z.object({ code: phoneCodeSchema });

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetSchema = z.object({
  token: text(200, { error: "required", tooLong: "invalid", invalidCharacters: "invalid" }).min(10, { error: "invalid" }),
  password: passwordSchema,
});

export const marketingConsentSchema = z.object({ marketing: z.boolean({ error: "invalid" }) });

/** Finishing a Kakao / Naver sign-up: the consents and the profile the shop needs (the email comes from the provider). */
export const socialSignUpSchema = z.object({
  ticket: text(200, { error: "required", tooLong: "invalid", invalidCharacters: "invalid" }).min(10, { error: "invalid" }),
  name: str(50),
  phone: phoneSchema,
  ...consentFields,
  locale: z.enum(["ko", "en"]).optional(),
});
