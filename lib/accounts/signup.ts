import "server-only";
// Sign-up and email verification. The answer to a sign-up never tells whether the address already had an
// account (same status, same body, and the password is hashed either way so the timing matches too); the
// owner of an existing account is mailed instead, with a sign-in and a reset link.
import { randomUUID } from "node:crypto";
import { clock } from "@/lib/clock";
import { encrypt, encryptOptional } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { hashPassword } from "@/lib/crypto/password";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { db, isUniqueViolation, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeOutbox } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { ACCOUNT_EXISTS_QUEUE, VERIFY_EMAIL_QUEUE, type AccountExistsPayload, type VerifyEmailPayload } from "@/lib/mail/jobs";
import { consumeOrThrow, limiters, tryConsume } from "@/lib/rate-limit";
import { recordSignUpConsents } from "./consent";
import { parseInput } from "@/lib/validation";
import { signUpSchema } from "./schemas";
import { refreshUserSessions } from "@/lib/auth/session";

export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
export type SignUpResult = { status: "verification_sent" };

/** Issues a fresh verification token and queues its mail, in the caller's transaction. */
export async function issueVerification(tx: Tx, userId: string, locale: string) {
  const token = randomToken();
  await tx.emailVerificationToken.create({ data: { userId, tokenHash: hashToken(token), expiresAt: new Date(clock.nowMs() + VERIFICATION_TTL_MS) } });
  const payload: VerifyEmailPayload = { mailId: randomUUID(), userId, tokenEnc: encrypt(token), locale };
  await writeOutbox(tx, VERIFY_EMAIL_QUEUE, payload);
}

export async function signUp(input: unknown, ctx: { ip: string }): Promise<SignUpResult> {
  await consumeOrThrow(limiters.signUpIp, ctx.ip);
  const data = parseInput(signUpSchema, input);
  const emailHash = emailIndex(data.email);
  const passwordHash = await hashPassword(data.password);
  try {
    await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { emailHash }, select: { id: true } })) throw new DuplicateEmail();
      const user = await tx.user.create({
        data: {
          role: data.role,
          emailHash,
          emailEnc: encrypt(data.email),
          passwordHash,
          nameEnc: encrypt(data.name),
          phoneEnc: encrypt(data.phone),
          addressEnc: encryptOptional(data.address),
          locale: data.locale ?? "ko",
          ...(data.role === "SELLER" && { seller: { create: { shopName: data.shopName! } } }),
        },
      });
      await recordSignUpConsents(tx, user.id, data.agreeMarketing);
      await issueVerification(tx, user.id, data.locale ?? "ko");
    });
  } catch (err) {
    const raced = isUniqueViolation(err);
    if (!(err instanceof DuplicateEmail) && !raced) throw err;
    log.info("sign-up with an address that already has an account");
    await mailExistingOwner(emailHash);
  }
  return { status: "verification_sent" };
}

/** Tells the owner of the address that it already has an account (a few times a day at most). */
async function mailExistingOwner(emailHash: string): Promise<void> {
  const owner = await db.user.findUnique({ where: { emailHash }, select: { id: true, deletedAt: true, locale: true } });
  if (!owner || owner.deletedAt) return;
  // Over the limit the answer is still the same 202: refusing would tell that the address is known.
  if (!(await tryConsume(limiters.accountExistsMail, owner.id))) return;
  const payload: AccountExistsPayload = { mailId: randomUUID(), userId: owner.id, locale: owner.locale };
  await db.$transaction(async (tx) => writeOutbox(tx, ACCOUNT_EXISTS_QUEUE, payload));
}

class DuplicateEmail extends Error {}

/** Single use: the token is claimed with a guarded update, so two clicks verify once. */
export async function verifyEmail(token: string): Promise<{ userId: string }> {
  const now = clock.now();
  const userId = await db.$transaction(async (tx) => {
    const row = await tx.emailVerificationToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true } });
    if (!row) return null;
    const { count } = await tx.emailVerificationToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) return null;
    await tx.user.updateMany({ where: { id: row.userId, deletedAt: null, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    return row.userId;
  });
  if (!userId) throw new AppError("BAD_REQUEST", "The link expired or was already used", { token: ["invalid_or_expired"] });
  await refreshUserSessions(userId);
  return { userId };
}

export async function resendVerification(userId: string, locale = "ko"): Promise<SignUpResult> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new AppError("NOT_FOUND", "account not found");
  if (user.emailVerifiedAt) throw new AppError("CONFLICT", "This account is already verified");
  await consumeOrThrow(limiters.resendAccount, userId);
  await db.$transaction(async (tx) => {
    // Only the newest link works: earlier unused tokens are retired.
    await tx.emailVerificationToken.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: clock.now() } });
    await issueVerification(tx, userId, locale);
  });
  return { status: "verification_sent" };
}
