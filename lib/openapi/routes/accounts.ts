// The accounts routes: Auth.js, sign-up and verification, the profile, the phone and sessions (see ../registry.ts).
import { changePasswordSchema, confirmPhoneCodeSchema, deleteAccountSchema, marketingConsentSchema, passwordResetRequestSchema, passwordResetSchema, requestPhoneCodeSchema, signUpSchema, socialSignUpSchema, updateProfileSchema, verifySchema } from "@/lib/accounts/schemas";
import { addressInputSchema } from "@/lib/addresses/schemas";
import { consentsSchema, passwordResetSchema as passwordResetAnswer, phoneStatusSchema, profileSchema, resetRequestedSchema, revokedSchema, sessionsSchema, socialSignedUpSchema, verificationSentSchema, verifiedSchema, viewerSummarySchema } from "../answers/accounts";
import { addressAnswerSchema, addressBookSchema } from "../answers/addresses";
import { authJsAnswerSchema } from "../answers/operations";
import { accepted, clearsSession, created, json, noContent, noStore, ok, uuid, type Operations } from "../operation";

const authPath = { nextauth: "Auth.js's action path (may hold slashes)" };

export const accountOperations: Operations = {
  "/api/auth/{nextauth}": {
    GET: { tag: "Accounts", access: "public", summary: "Auth.js: csrf token, session, providers (`/api/auth/csrf`, `/api/auth/session`…)", params: authPath, ok: ok("Auth.js's own answer (its shape is Auth.js's: `{ csrfToken }`, the session or null…)", authJsAnswerSchema), errors: [] },
    POST: {
      tag: "Accounts",
      access: "public",
      summary: "Auth.js: credentials sign-in (`/api/auth/callback/credentials`, form-encoded with csrfToken), sign-out",
      description: "A credentials sign-in for a locked-out account or client address is answered 429 with Retry-After before Auth.js sees it.",
      params: authPath,
      body: { text: "application/x-www-form-urlencoded: csrfToken, email, password (Auth.js's form)" },
      ok: {
        200: { description: "With `X-Auth-Return-Redirect: 1`: Auth.js's JSON (`{ url }`)", schema: authJsAnswerSchema, headers: { "Set-Cookie": "The session cookie on a successful sign-in" } },
        302: { description: "Auth.js's redirect (to the page, or back with `?error=` on a failed sign-in)", headers: { Location: "Where to go next", "Set-Cookie": "The session cookie on a successful sign-in" } },
      },
      errors: [413, 429],
    },
  },
  "/api/users": {
    POST: { tag: "Accounts", access: "public", summary: "Sign up (buyer or seller); the same 202 whether or not the address is new", body: json(signUpSchema), ok: accepted("Accepted: a verification mail is on its way", verificationSentSchema), errors: [422, 429] },
  },
  "/api/users/verify": {
    POST: { tag: "Accounts", access: "public", summary: "Confirm an email address with the mail's token (400 when it expired or was used)", body: json(verifySchema), ok: ok("Verified", verifiedSchema), errors: [400, 422] },
  },
  "/api/users/password-reset": {
    POST: { tag: "Accounts", access: "public", summary: "Mail a password reset link (30 minutes, single use); the same 202 whether or not the address has an account", body: json(passwordResetRequestSchema), ok: accepted("Accepted", resetRequestedSchema), errors: [422, 429] },
  },
  "/api/users/password-reset/confirm": {
    POST: { tag: "Accounts", access: "public", summary: "Set a new password with the mail's token (400 when it expired or was used); every session of the account is revoked", body: json(passwordResetSchema), ok: ok("Reset", passwordResetAnswer), errors: [400, 422] },
  },
  "/api/users/social": {
    POST: { tag: "Accounts", access: "public", summary: "Finish a Kakao / Naver sign-up with the sign-in's ticket, the consents and the profile; sets the session cookie", body: json(socialSignUpSchema), ok: created("Signed up and signed in", socialSignedUpSchema, { headers: { "Set-Cookie": "The session cookie" } }), errors: [400, 409, 422] },
  },
  "/api/users/verify/resend": {
    POST: { tag: "Accounts", access: "user", summary: "Send a new verification mail (rate-limited; 409 when already verified)", ok: accepted("Accepted", verificationSentSchema), errors: [404, 409, 429] },
  },
  "/api/me": {
    GET: { tag: "Accounts", access: "user", summary: "The signed-in user's profile", ok: ok("The profile", profileSchema), errors: [404] },
    PATCH: { tag: "Accounts", access: "user", summary: "Edit the profile", body: json(updateProfileSchema), ok: ok("The profile", profileSchema), errors: [404, 422] },
    DELETE: { tag: "Accounts", access: "user", summary: "Delete the account, confirmed by the password or — an account without one (`hasPassword: false`) — by `confirmEmail`, the account's own address typed (a wrong or missing one is 422); the session cookie is cleared", body: json(deleteAccountSchema), ok: noContent("Deleted", { headers: clearsSession }), errors: [404, 422] },
  },
  "/api/me/consents": {
    GET: { tag: "Accounts", access: "user", summary: "The account's consents (terms, privacy, age 14+, marketing), each with its time and document version", ok: ok("The consents", consentsSchema), errors: [] },
    PATCH: { tag: "Accounts", access: "user", summary: "Grant or withdraw marketing consent", body: json(marketingConsentSchema), ok: ok("The consents", consentsSchema), errors: [422] },
  },
  "/api/me/addresses": {
    GET: { tag: "Accounts", access: "user", summary: "The address book, the default first (fields decrypted for their owner)", ok: ok("The address book", addressBookSchema, { headers: noStore }), errors: [] },
    POST: { tag: "Accounts", access: "user", summary: "Add an address (at most 10, 409 beyond; the first becomes the default)", body: json(addressInputSchema), ok: created("The address", addressAnswerSchema), errors: [409, 422] },
  },
  "/api/me/addresses/{id}": {
    PUT: { tag: "Accounts", access: "user", summary: "Replace one of the caller's addresses", params: { id: uuid("address") }, body: json(addressInputSchema), ok: ok("The address", addressAnswerSchema), errors: [404, 422] },
    DELETE: { tag: "Accounts", access: "user", summary: "Delete an address (orders keep their own copy); deleting the default promotes the newest other one", params: { id: uuid("address") }, ok: noContent("Deleted"), errors: [404] },
  },
  "/api/me/addresses/{id}/default": {
    POST: { tag: "Accounts", access: "user", summary: "Make an address the default", params: { id: uuid("address") }, ok: ok("The address book", addressBookSchema), errors: [404] },
  },
  "/api/me/password": {
    POST: { tag: "Accounts", access: "user", summary: "Change the password (the current one required; a wrong one is 422); other sessions are revoked", body: json(changePasswordSchema), ok: ok("Changed: how many other sessions were signed out", revokedSchema), errors: [404, 422, 429] },
  },
  "/api/me/password/link": {
    POST: { tag: "Accounts", access: "user", summary: "Mail the caller a single-use link (30 minutes) to set a password: how an account made through Kakao or Naver (`hasPassword: false`) gets one; the link is the reset page's, and using it signs every session out", ok: accepted("Accepted: the mail is on its way", resetRequestedSchema), errors: [404, 429] },
  },
  "/api/me/phone": {
    GET: { tag: "Accounts", access: "user", summary: "The verified mobile number and any code pending", ok: ok("The phone status", phoneStatusSchema), errors: [404] },
    DELETE: { tag: "Accounts", access: "user", summary: "Remove the verified number", ok: ok("The phone status", phoneStatusSchema), errors: [404] },
  },
  "/api/me/phone/code": {
    POST: { tag: "Accounts", access: "user", summary: "Send an SMS code to a Korean mobile number (409 when it is verified already, here or by another account)", body: json(requestPhoneCodeSchema), ok: ok("The code is on its way: the phone status with it pending", phoneStatusSchema), errors: [404, 409, 422, 429] },
  },
  "/api/me/phone/verify": {
    POST: { tag: "Accounts", access: "user", summary: "Confirm the SMS code: the number becomes the account's verified number", body: json(confirmPhoneCodeSchema), ok: ok("The phone status", phoneStatusSchema), errors: [404, 409, 422, 429] },
  },
  "/api/me/sessions": {
    GET: { tag: "Accounts", access: "user", summary: "The active sessions", ok: ok("The sessions, this one marked `current`", sessionsSchema), errors: [] },
    DELETE: { tag: "Accounts", access: "user", summary: "Sign out everywhere (this session too)", ok: ok("How many sessions were signed out", revokedSchema, { headers: clearsSession }), errors: [] },
  },
  "/api/me/sessions/{id}": {
    DELETE: { tag: "Accounts", access: "user", summary: "Revoke one of the caller's sessions", params: { id: uuid("session") }, ok: noContent("Revoked"), errors: [404] },
  },
  "/api/me/summary": {
    GET: {
      tag: "Accounts",
      access: "public",
      summary: "The viewer's header and hearts for cached pages (merges a guest cart after sign-in)",
      ok: ok("The viewer", viewerSummarySchema, { headers: { "Cache-Control": "private, no-store", "Set-Cookie": "Drops the guest cart cookie once the cart is merged" } }),
      errors: [],
    },
  },
};
