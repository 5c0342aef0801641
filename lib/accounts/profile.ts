import "server-only";
// Changes to one's own account: profile, password, deletion. Password change and deletion revoke
// sessions at once (PostgreSQL first, then the Redis cache), so an old cookie fails on its next request.
import { clock } from "@/lib/clock";
import { encrypt, encryptOptional } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { consumeOrThrow, limiters } from "@/lib/rate-limit";
import { changePasswordSchema, deleteAccountSchema, updateProfileSchema } from "./schemas";
import { revokeAllSessions } from "@/lib/auth/session";
import { getProfileOrThrow, type Profile } from "./queries";

export async function updateProfile(userId: string, input: unknown): Promise<Profile> {
  const data = parseInput(updateProfileSchema, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { deletedAt: true, seller: { select: { id: true } } } });
  if (!user || user.deletedAt) throw notFound("account");
  if (data.shopName !== undefined && !user.seller) throw new AppError("VALIDATION", "Only sellers have a shop name", { shopName: ["invalid"] });
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: {
        ...(data.name !== undefined && { nameEnc: encrypt(data.name) }),
        ...(data.phone !== undefined && { phoneEnc: encrypt(data.phone) }),
        ...(data.address !== undefined && { addressEnc: encryptOptional(data.address) }),
      },
    });
    if (data.shopName !== undefined) await tx.seller.update({ where: { userId }, data: { shopName: data.shopName } });
  });
  return getProfileOrThrow(userId);
}

/**
 * A wrong current password counts as a failed sign-in (same limit), so this is no password oracle. An
 * account without a password (Kakao / Naver) has none to check: `no_password`, and the page offers the
 * set-password mail instead.
 */
async function checkPassword(userId: string, password: string | undefined, field: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, deletedAt: true } });
  if (!user || user.deletedAt) throw notFound("account");
  if (user.passwordHash === null) throw new AppError("VALIDATION", "The account has no password", { [field]: ["no_password"] });
  if (password === undefined) throw new AppError("VALIDATION", "The password is required", { [field]: ["required"] });
  await consumeOrThrow(limiters.signInAccount, `user:${userId}`);
  if (!(await verifyPassword(user.passwordHash, password))) throw new AppError("VALIDATION", "Wrong password", { [field]: ["wrong_password"] });
  await limiters.signInAccount.delete(`user:${userId}`);
}

/** Keeps the caller's own session; every other session of the account is revoked. */
export async function changePassword(userId: string, currentSessionId: string, input: unknown): Promise<{ revoked: number }> {
  const data = parseInput(changePasswordSchema, input);
  await checkPassword(userId, data.currentPassword, "currentPassword");
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(data.newPassword) } });
  return { revoked: await revokeAllSessions(userId, currentSessionId) };
}

/**
 * Who is deleting must confirm: with the password, or — an account without one (made through Kakao or
 * Naver) — by typing the account's own email address. A typed address is compared by its blind index.
 */
async function confirmDeletion(userId: string, data: { password?: string; confirmEmail?: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, emailHash: true, deletedAt: true } });
  if (!user || user.deletedAt) throw notFound("account");
  if (user.passwordHash !== null) return checkPassword(userId, data.password, "password");
  if (!data.confirmEmail) throw new AppError("VALIDATION", "Type the account's email address to confirm", { confirmEmail: ["required"] });
  if (!user.emailHash || emailIndex(data.confirmEmail) !== user.emailHash) {
    throw new AppError("VALIDATION", "That is not the account's email address", { confirmEmail: ["confirm_mismatch"] });
  }
}

/**
 * Erases personal data and revokes every session. The row stays (orders reference it for the ledger),
 * anonymized: no email, name, phone (the verified number is freed), address or password; order shipping
 * addresses are erased too.
 */
export async function deleteAccount(userId: string, input: unknown): Promise<void> {
  const data = parseInput(deleteAccountSchema, input);
  await confirmDeletion(userId, data);
  const now = clock.now();
  await db.$transaction(async (tx) => {
    // The orders before the user's row: this update changes unique columns (a lock that blocks the KEY SHARE
    // an order's statement takes on the user at its end), so it comes last, when no order row of the buyer
    // is still wanted — else a release of one of their orders, waiting on their counter held by a new
    // order's statement waiting on this row, would close a circle (docs/architecture.md, "Lock order").
    await tx.order.updateMany({ where: { userId }, data: { shippingAddressEnc: null } });
    await tx.user.update({
      where: { id: userId },
      data: {
        deletedAt: now, emailHash: null, emailEnc: null, passwordHash: null, nameEnc: null, phoneEnc: null, addressEnc: null,
        phoneHash: null, verifiedPhoneEnc: null, phoneVerifiedAt: null,
      },
    });
    await tx.phoneVerification.deleteMany({ where: { userId } });
    await tx.emailVerificationToken.deleteMany({ where: { userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    // A linked Kakao / Naver identity names the person: it goes too (signing in with it again starts afresh).
    await tx.oAuthAccount.deleteMany({ where: { userId } });
    // Drop alerts wait to mail an address that is gone (docs/alerts.md).
    await tx.alertSubscription.deleteMany({ where: { userId } });
  });
  await revokeAllSessions(userId);
}
