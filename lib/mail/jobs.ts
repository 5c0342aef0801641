// Mail jobs. The outbox payload holds no personal data in clear: the handler reads the address from the
// user row (decrypting it) and a token arrives encrypted, so neither sits readable in the job tables.
import { z } from "zod";
import { text } from "@/lib/validation";
import { decrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/types";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { log } from "@/lib/log";
import { accountExistsMail, passwordResetMail, verificationMail } from "./templates";
import { sendMail } from "./transport";

export const VERIFY_EMAIL_QUEUE = "mail-verify-email";
export const PASSWORD_RESET_QUEUE = "mail-password-reset";
export const ACCOUNT_EXISTS_QUEUE = "mail-account-exists";

export const verifyEmailPayload = z.object({ mailId: z.uuid(), userId: z.uuid(), tokenEnc: text(2000), locale: text(10) });
export type VerifyEmailPayload = z.infer<typeof verifyEmailPayload>;
export const passwordResetPayload = verifyEmailPayload;
export type PasswordResetPayload = VerifyEmailPayload;
export const accountExistsPayload = z.object({ mailId: z.uuid(), userId: z.uuid(), locale: text(10) });
export type AccountExistsPayload = z.infer<typeof accountExistsPayload>;

const localeOf = (v: string): Locale => (isLocale(v) ? v : "ko");

/** The address of a live account, or null (deleted since: nothing to send, nothing to retry). */
async function liveAddress(userId: string, extra: { unverifiedOnly?: boolean } = {}): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailEnc: true, emailVerifiedAt: true, deletedAt: true } });
  if (!user?.emailEnc || user.deletedAt || (extra.unverifiedOnly && user.emailVerifiedAt)) return null;
  return decrypt(user.emailEnc);
}

export async function sendVerificationMail(raw: unknown): Promise<void> {
  const data = verifyEmailPayload.parse(raw);
  // Already verified through an earlier mail: nothing to send either.
  const to = await liveAddress(data.userId, { unverifiedOnly: true });
  if (!to) return void log.info({ userId: data.userId }, "verification mail skipped");
  await sendMail({ id: data.mailId, to, ...verificationMail(localeOf(data.locale), decrypt(data.tokenEnc)) });
}

export async function sendPasswordResetMail(raw: unknown): Promise<void> {
  const data = passwordResetPayload.parse(raw);
  const to = await liveAddress(data.userId);
  if (!to) return void log.info({ userId: data.userId }, "password reset mail skipped");
  await sendMail({ id: data.mailId, to, ...passwordResetMail(localeOf(data.locale), decrypt(data.tokenEnc)) });
}

export async function sendAccountExistsMail(raw: unknown): Promise<void> {
  const data = accountExistsPayload.parse(raw);
  const to = await liveAddress(data.userId);
  if (!to) return void log.info({ userId: data.userId }, "account-exists mail skipped");
  await sendMail({ id: data.mailId, to, ...accountExistsMail(localeOf(data.locale)) });
}

const retry = { retryLimit: 5, retryDelay: 10, retryBackoff: true };
export const mailJobs = [
  defineJob({ queue: VERIFY_EMAIL_QUEUE, handler: sendVerificationMail, options: retry }),
  defineJob({ queue: PASSWORD_RESET_QUEUE, handler: sendPasswordResetMail, options: retry }),
  defineJob({ queue: ACCOUNT_EXISTS_QUEUE, handler: sendAccountExistsMail, options: retry }),
];
