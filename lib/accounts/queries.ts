import "server-only";
// Reads of a user's own account. Everything is looked up by the caller's id: there is no way to ask
// for someone else's profile or sessions.
import { clock } from "@/lib/clock";
import { decrypt, decryptOptional } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";

export type Profile = {
  id: string;
  role: Role;
  email: string;
  name: string;
  phone: string;
  address: string | null;
  shopName: string | null;
  emailVerified: boolean;
  /** False for an account made through Kakao or Naver that has not set a password (docs/accounts.md). */
  hasPassword: boolean;
  createdAt: string;
};

export async function getProfileOrThrow(userId: string): Promise<Profile> {
  const u = await db.user.findUnique({ where: { id: userId }, include: { seller: { select: { shopName: true } } } });
  if (!u || u.deletedAt || !u.emailEnc) throw notFound("account");
  return {
    id: u.id,
    role: u.role,
    email: decrypt(u.emailEnc),
    name: decryptOptional(u.nameEnc) ?? "",
    phone: decryptOptional(u.phoneEnc) ?? "",
    address: decryptOptional(u.addressEnc),
    shopName: u.seller?.shopName ?? null,
    emailVerified: u.emailVerifiedAt !== null,
    hasPassword: u.passwordHash !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The display name for the header menu; null for a deleted account. */
export async function getDisplayName(userId: string): Promise<string | null> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { nameEnc: true, deletedAt: true } });
  return u && !u.deletedAt ? decryptOptional(u.nameEnc) : null;
}

export type SessionInfo = { id: string; userAgent: string | null; createdAt: string; lastSeenAt: string; current: boolean };

export async function listSessions(userId: string, currentSessionId?: string): Promise<SessionInfo[]> {
  const rows = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: clock.now() } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), current: s.id === currentSessionId }));
}
