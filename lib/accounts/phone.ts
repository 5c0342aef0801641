import "server-only";
// Phone verification, the shop's stand-in for 본인인증: a buyer names a Korean mobile number, receives a
// six-digit code by SMS (lib/sms), and enters it. A verified number is stored like an email — encrypted,
// and found by a keyed blind index (User.phoneHash, unique: one verified number, one account). Codes are
// kept as keyed HMACs only, expire after PHONE_CODE_TTL_SECONDS, allow MAX_CODE_ATTEMPTS tries, and a new
// one can be sent after PHONE_CODE_RESEND_SECONDS, within per-account and per-number hourly limits. The
// live session carries the verified number's index (lib/auth/session-store.ts), so every change drops
// the cached sessions.
import { randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { clock } from "@/lib/clock";
import { decrypt, encrypt } from "@/lib/crypto/aead";
import { blindIndex, phoneIndex } from "@/lib/crypto/blind-index";
import { db, isUniqueViolation } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { consumeOrThrow, limiters, rateLimited } from "@/lib/rate-limit";
import { smsSender } from "@/lib/sms/sender";
import { parseInput } from "@/lib/validation";
import { refreshUserSessions } from "@/lib/auth/session";
import { formatMobile, maskMobile } from "./phone-number";
import { confirmPhoneCodeSchema, requestPhoneCodeSchema } from "./schemas";

export const MAX_CODE_ATTEMPTS = 5;

/** Keyed, and bound to the one code row: a leaked table gives no code and cannot be replayed onto another row. */
const codeHash = (verificationId: string, code: string) => blindIndex(`sms-code:${verificationId}:${code}`);
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const invalid = (field: string, code: string, extra?: Record<string, unknown>) => new AppError("VALIDATION", "Invalid input", { [field]: [code] }, extra);

export type PhoneStatus = {
  /** The verified number, formatted (010-1234-5678), or null. */
  phone: string | null;
  verifiedAt: string | null;
  /** A code sent and still usable: to which number (masked), until when, and when another may be sent. */
  pending: { phone: string; expiresAt: string; resendAt: string } | null;
};

async function liveUserOrThrow(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { deletedAt: true, phoneHash: true, verifiedPhoneEnc: true, phoneVerifiedAt: true } });
  if (!user || user.deletedAt) throw notFound("account");
  return user;
}

const latestCode = (userId: string) =>
  db.phoneVerification.findFirst({ where: { userId }, orderBy: { createdAt: "desc" } });

export async function getPhoneStatus(userId: string): Promise<PhoneStatus> {
  const [user, last] = await Promise.all([liveUserOrThrow(userId), latestCode(userId)]);
  const now = clock.nowMs();
  const usable = last && !last.usedAt && last.expiresAt.getTime() > now && last.attempts < MAX_CODE_ATTEMPTS;
  return {
    phone: user.verifiedPhoneEnc ? formatMobile(decrypt(user.verifiedPhoneEnc)) : null,
    verifiedAt: user.phoneVerifiedAt?.toISOString() ?? null,
    pending: usable
      ? { phone: maskMobile(decrypt(last.phoneEnc)), expiresAt: last.expiresAt.toISOString(), resendAt: new Date(last.createdAt.getTime() + env.PHONE_CODE_RESEND_SECONDS * 1000).toISOString() }
      : null,
  };
}

/**
 * Sends a fresh code to the number (earlier unused codes of the account stop working). Refused: a number
 * verified by another account (409 phone_taken), the account's own verified number (409), before the
 * resend wait is over or past the hourly limits (429 with Retry-After).
 */
export async function requestPhoneCode(userId: string, input: unknown, locale: Locale = "ko"): Promise<PhoneStatus> {
  const { phone } = parseInput(requestPhoneCodeSchema, input);
  const hash = phoneIndex(phone);
  const user = await liveUserOrThrow(userId);
  if (user.phoneHash === hash) throw new AppError("CONFLICT", "This number is already verified", { phone: ["already_verified"] });
  const owner = await db.user.findUnique({ where: { phoneHash: hash }, select: { id: true } });
  if (owner) throw new AppError("CONFLICT", "This number is verified by another account", { phone: ["phone_taken"] });
  const last = await latestCode(userId);
  const now = clock.nowMs();
  const wait = last ? last.createdAt.getTime() + env.PHONE_CODE_RESEND_SECONDS * 1000 - now : 0;
  if (wait > 0) throw rateLimited(wait);
  await consumeOrThrow(limiters.smsAccount, userId);
  await consumeOrThrow(limiters.smsNumber, hash);

  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await db.$transaction([
    db.phoneVerification.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: new Date(now) } }, data: { expiresAt: new Date(now) } }),
    db.phoneVerification.create({
      data: { id, userId, phoneHash: hash, phoneEnc: encrypt(phone), codeHash: codeHash(id, code), expiresAt: new Date(now + env.PHONE_CODE_TTL_SECONDS * 1000), createdAt: new Date(now) },
    }),
  ]);
  const text = fill(messages[locale].phone.sms, { code, minutes: Math.max(1, Math.round(env.PHONE_CODE_TTL_SECONDS / 60)) });
  try {
    await smsSender().send({ id, to: phone, text });
  } catch (err) {
    // Not delivered: the code must not count as sent (the buyer may ask again at once).
    await db.phoneVerification.delete({ where: { id } });
    throw err;
  }
  return getPhoneStatus(userId);
}

/**
 * Checks the code of the account's newest unused code. Each try counts before the comparison (a guarded
 * increment), so parallel guesses cannot exceed MAX_CODE_ATTEMPTS. The number becomes the account's
 * verified number in one transaction with the code's use; if another account verified it meanwhile, the
 * unique index refuses (409 phone_taken).
 */
export async function confirmPhoneCode(userId: string, input: unknown): Promise<PhoneStatus> {
  const { code } = parseInput(confirmPhoneCodeSchema, input);
  await liveUserOrThrow(userId);
  const now = clock.now();
  const v = await db.phoneVerification.findFirst({ where: { userId, usedAt: null }, orderBy: { createdAt: "desc" } });
  if (!v || v.expiresAt <= now) throw invalid("code", "code_expired");
  const counted = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE "PhoneVerification" SET attempts = attempts + 1
    WHERE id = ${v.id}::uuid AND "usedAt" IS NULL AND "expiresAt" > ${now} AND attempts < ${MAX_CODE_ATTEMPTS}
    RETURNING attempts`;
  if (!counted.length) throw invalid("code", v.attempts >= MAX_CODE_ATTEMPTS || v.expiresAt > now ? "too_many_attempts" : "code_expired");
  if (!sameHash(codeHash(v.id, code), v.codeHash)) {
    const left = MAX_CODE_ATTEMPTS - counted[0].attempts;
    throw invalid("code", left > 0 ? "wrong_code" : "too_many_attempts", { attemptsLeft: left });
  }
  try {
    await db.$transaction(async (tx) => {
      const used = await tx.phoneVerification.updateMany({ where: { id: v.id, usedAt: null }, data: { usedAt: now } });
      if (used.count !== 1) throw invalid("code", "code_expired");
      await tx.user.update({ where: { id: userId }, data: { phoneHash: v.phoneHash, verifiedPhoneEnc: v.phoneEnc, phoneVerifiedAt: now } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "This number is verified by another account", { phone: ["phone_taken"] });
    throw err;
  }
  await refreshUserSessions(userId);
  return getPhoneStatus(userId);
}

/** Removes the account's verified number (it may then be verified by another account). */
export async function removePhone(userId: string): Promise<PhoneStatus> {
  await liveUserOrThrow(userId);
  await db.user.update({ where: { id: userId }, data: { phoneHash: null, verifiedPhoneEnc: null, phoneVerifiedAt: null } });
  await refreshUserSessions(userId);
  return getPhoneStatus(userId);
}
