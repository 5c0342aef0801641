import "server-only";
// Password reset by mail. The request answers the same whether or not the address has an account (and
// after the same minimum time); the token is random, stored hashed, lives 30 minutes and is claimed once
// by a guarded update. A reset revokes every session of the account and clears its sign-in lock.
import { randomUUID } from "node:crypto";
import { clock } from "@/lib/clock";
import { encrypt } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { hashPassword } from "@/lib/crypto/password";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { writeOutbox } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { PASSWORD_RESET_QUEUE, type PasswordResetPayload } from "@/lib/mail/jobs";
import { consumeOrThrow, limiters } from "@/lib/rate-limit";
import { revokeAllSessions } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { passwordResetRequestSchema, passwordResetSchema } from "./schemas";

export const RESET_TTL_MS = 30 * 60 * 1000;
/** Every request answers after at least this long, so a known address is not told apart by its timing. */
export const RESET_REQUEST_FLOOR_MS = 400;

export type ResetRequested = { status: "reset_requested" };

export async function requestPasswordReset(input: unknown, ctx: { ip: string }): Promise<ResetRequested> {
  const started = performance.now();
  await consumeOrThrow(limiters.resetIp, ctx.ip);
  const { email } = parseInput(passwordResetRequestSchema, input);
  const emailHash = emailIndex(email);
  // Per address asked for, whether or not it has an account: the limit itself reveals nothing.
  await consumeOrThrow(limiters.resetAddress, emailHash);
  const user = await db.user.findUnique({ where: { emailHash }, select: { id: true, deletedAt: true, locale: true } });
  if (user && !user.deletedAt) await issueResetLink(user);
  else log.info("password reset for an address without an account");
  const wait = RESET_REQUEST_FLOOR_MS - (performance.now() - started);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  return { status: "reset_requested" };
}

/** A new single-use link, mailed through the outbox in one transaction; only the newest link works. */
async function issueResetLink(user: { id: string; locale: string }): Promise<void> {
  const token = randomToken();
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: clock.now() } });
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(clock.nowMs() + RESET_TTL_MS) } });
    const payload: PasswordResetPayload = { mailId: randomUUID(), userId: user.id, tokenEnc: encrypt(token), locale: user.locale };
    await writeOutbox(tx, PASSWORD_RESET_QUEUE, payload);
  });
}

/**
 * The signed-in member asks for the same link to their own address — how an account made through Kakao or
 * Naver sets a password: proving the mailbox, as a reset does (a session alone is not enough to add a way
 * in). Counted against the same per-address limit as reset requests.
 */
export async function sendSetPasswordLink(userId: string): Promise<ResetRequested> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, deletedAt: true, locale: true, emailHash: true } });
  if (!user || user.deletedAt || !user.emailHash) throw notFound("account");
  await consumeOrThrow(limiters.resetAddress, user.emailHash);
  await issueResetLink(user);
  return { status: "reset_requested" };
}

/**
 * Sets the new password with a token from the mail. Single use: the token is claimed with a guarded
 * update in the transaction that changes the password, so two submits change it once. Receiving the mail
 * proves the address, so an unverified account becomes verified.
 */
export async function resetPassword(input: unknown): Promise<{ status: "password_reset" }> {
  const data = parseInput(passwordResetSchema, input);
  const passwordHash = await hashPassword(data.password);
  const now = clock.now();
  const user = await db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash: hashToken(data.token) }, select: { id: true, userId: true } });
    if (!row) return null;
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) return null;
    const u = await tx.user.findUnique({ where: { id: row.userId }, select: { id: true, deletedAt: true, emailHash: true, emailVerifiedAt: true } });
    if (!u || u.deletedAt) return null;
    await tx.user.update({ where: { id: u.id }, data: { passwordHash, ...(!u.emailVerifiedAt && { emailVerifiedAt: now }) } });
    await tx.passwordResetToken.updateMany({ where: { userId: u.id, usedAt: null }, data: { expiresAt: now } });
    return u;
  });
  if (!user) throw new AppError("BAD_REQUEST", "The link expired or was already used", { token: ["invalid_or_expired"] });
  await revokeAllSessions(user.id);
  // Whoever tried passwords on this account no longer matters: the owner chose a new one.
  if (user.emailHash) await limiters.signInAccount.delete(user.emailHash);
  await limiters.signInAccount.delete(`user:${user.id}`);
  return { status: "password_reset" };
}
