// Account inputs (zod only, shared by the client forms, the server actions and the JSON API). Error
// messages are codes (keys of messages.accounts.fieldErrors) so forms can show them in either language.
import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { toE164 } from "./phone-number";

const str = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? "required" : "invalid") })
    .trim()
    .min(1, { error: "required", abort: true })
    .max(max, { error: "too_long" });

/** 8+ characters mixing letters, digits and symbols. Every unmet rule is reported, not just the first. */
export const passwordSchema = z
  .string({ error: "required" })
  .min(1, { error: "required", abort: true })
  .superRefine((p, ctx) => {
    if (p.length < 8) ctx.addIssue({ code: "custom", message: "password_too_short" });
    if (p.length > 128) ctx.addIssue({ code: "custom", message: "password_too_long" });
    if (!/\p{L}/u.test(p)) ctx.addIssue({ code: "custom", message: "password_needs_letter" });
    if (!/\p{N}/u.test(p)) ctx.addIssue({ code: "custom", message: "password_needs_digit" });
    if (!/[^\p{L}\p{N}\s]/u.test(p)) ctx.addIssue({ code: "custom", message: "password_needs_symbol" });
  });

/** Korean mobile numbers, stored as 010-1234-5678. */
export const phoneSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required", abort: true })
  .transform((p) => p.replace(/[\s-]/g, ""))
  .refine((p) => /^01[016789]\d{7,8}$/.test(p), { error: "invalid_phone" })
  .transform((p) => `${p.slice(0, 3)}-${p.slice(3, p.length - 4)}-${p.slice(-4)}`);

const optionalAddress = z
  .string()
  .trim()
  .max(200, { error: "too_long" })
  .nullish()
  .transform((a) => a || null);

export const signUpSchema = z
  .object({
    role: z.enum(["BUYER", "SELLER"], { error: "invalid" }).default("BUYER"),
    email: emailSchema,
    password: passwordSchema,
    name: str(50),
    phone: phoneSchema,
    address: optionalAddress,
    shopName: z.string().trim().max(50, { error: "too_long" }).nullish(),
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

export const verifySchema = z.object({ token: z.string({ error: "required" }).min(10, { error: "invalid" }).max(200, { error: "invalid" }) });

export const updateProfileSchema = z
  .object({ name: str(50).optional(), phone: phoneSchema.optional(), address: optionalAddress.optional(), shopName: str(50).optional() })
  .strict();
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string({ error: "required" }).min(1, { error: "required", abort: true }).max(256), newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], error: "same_password" });

export const deleteAccountSchema = z.object({ password: z.string({ error: "required" }).min(1, { error: "required", abort: true }).max(256) });

/** A Korean mobile number to verify by SMS (010 numbers), as E.164 ("+821012345678"). */
export const mobileNumberSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required", abort: true })
  .max(30, { error: "invalid_mobile", abort: true })
  .transform((v, ctx) => toE164(v) ?? (ctx.addIssue({ code: "custom", message: "invalid_mobile" }), z.NEVER));

/** The six digits of an SMS code. */
export const phoneCodeSchema = z.string({ error: "required" }).trim().regex(/^\d{6}$/, { error: "invalid_code" });

export const requestPhoneCodeSchema = z.object({ phone: mobileNumberSchema });
export const confirmPhoneCodeSchema = z.object({ code: phoneCodeSchema });
