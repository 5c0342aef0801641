// Answers of the accounts API: signing up, the profile, the phone, sessions and the viewer summary.
import { z } from "zod";
import type { confirmPhoneCode, getPhoneStatus, removePhone, requestPhoneCode } from "@/lib/accounts/phone";
import type { getConsents } from "@/lib/accounts/consent";
import type { requestPasswordReset, resetPassword, sendSetPasswordLink } from "@/lib/accounts/password-reset";
import type { changePassword, updateProfile } from "@/lib/accounts/profile";
import type { getProfileOrThrow, listSessions } from "@/lib/accounts/queries";
import type { resendVerification, signUp } from "@/lib/accounts/signup";
import type { revokeAllSessions } from "@/lib/auth/session";
import type { ViewerSummary } from "@/lib/accounts/viewer";
import { fits, type Json, type Sent } from "../fits";
import { count, isoInstant, role, str } from "../responses";

/** The same answer whether or not the address was new (no account enumeration). */
export const verificationSentSchema = fits(z.looseObject({ status: z.literal("verification_sent") }))<Sent<typeof signUp>>();
fits(verificationSentSchema)<Sent<typeof resendVerification>>();
/** Built inline by app/api/users/verify/route.ts. */
export const verifiedSchema = fits(z.looseObject({ status: z.literal("verified") }))<{ status: "verified" }>();

/** lib/accounts/queries.ts getProfileOrThrow (also updateProfile's answer). */
export const profileSchema = fits(
  z.looseObject({
    id: z.uuid(),
    role,
    email: z.email(),
    name: str,
    phone: str.describe("The contact number given at sign-up (the verified mobile number is GET /api/me/phone)"),
    address: str.nullable(),
    shopName: str.nullable(),
    emailVerified: z.boolean(),
    hasPassword: z.boolean().describe("false: an account made through Kakao or Naver without a password of its own (POST /api/me/password/link mails a link to set one)"),
    createdAt: isoInstant,
  }),
)<Sent<typeof getProfileOrThrow>>();

fits(profileSchema)<Sent<typeof updateProfile>>();

export const revokedSchema = fits(z.looseObject({ revoked: count.describe("Sessions signed out") }))<Sent<typeof changePassword>>();

fits(revokedSchema)<{ revoked: Sent<typeof revokeAllSessions> }>();

/** lib/accounts/phone.ts PhoneStatus. */
export const phoneStatusSchema = fits(
  z.looseObject({
    phone: str.nullable().describe("The verified mobile number"),
    verifiedAt: isoInstant.nullable(),
    pending: z.looseObject({ phone: str.describe("Masked"), expiresAt: isoInstant, resendAt: isoInstant }).nullable().describe("A code sent and not yet confirmed"),
  }),
)<Sent<typeof getPhoneStatus>>();

fits(phoneStatusSchema)<Sent<typeof requestPhoneCode>>();
fits(phoneStatusSchema)<Sent<typeof confirmPhoneCode>>();
fits(phoneStatusSchema)<Sent<typeof removePhone>>();

const session = z.looseObject({ id: z.uuid(), userAgent: str.nullable(), createdAt: isoInstant, lastSeenAt: isoInstant, current: z.boolean().describe("The session of this request") });
export const sessionsSchema = fits(z.looseObject({ sessions: z.array(session) }))<{ sessions: Sent<typeof listSessions> }>();

/** lib/accounts/summary.ts: what a cached page needs to know about its viewer. */
export const viewerSummarySchema = fits(
  z.looseObject({
    user: z.looseObject({ name: str.nullable(), role }).nullable().describe("null: signed out"),
    cartCount: count.describe("Lines in the cart (a guest's too)"),
    wishlist: z.array(z.uuid()).describe("Wishlisted product ids (the most recent ones)"),
  }),
)<Json<ViewerSummary>>();

/** The same 202 whether or not the address has an account (no enumeration). */
export const resetRequestedSchema = fits(z.looseObject({ status: z.literal("reset_requested") }))<Sent<typeof requestPasswordReset>>();
fits(resetRequestedSchema)<Sent<typeof sendSetPasswordLink>>();
export const passwordResetSchema = fits(z.looseObject({ status: z.literal("password_reset") }))<Sent<typeof resetPassword>>();
/** Built inline by app/api/users/social/route.ts. */
export const socialSignedUpSchema = fits(z.looseObject({ status: z.literal("signed_up") }))<{ status: "signed_up" }>();
/** The latest decision per kind, with the document version and the time it was recorded. */
export const consentsSchema = fits(
  z.looseObject({
    consents: z.array(z.looseObject({ kind: z.enum(["TERMS", "PRIVACY", "AGE_14", "MARKETING"]), granted: z.boolean(), version: str, at: isoInstant })),
  }),
)<{ consents: Sent<typeof getConsents> }>();
