import "server-only";
// Kakao / Naver sign-in: which account a provider identity signs into. The rules (docs/accounts.md):
// an identity already linked signs into its account; otherwise it is linked to the account with the same
// email only when the provider says the address is verified AND our account has verified it too (so a
// squatter's unverified sign-up is never taken over, nor takes over); an unknown verified address starts
// a sign-up that must be finished with the consents (a short-lived ticket); anything else is refused.
import { createSession } from "./session";
import { decrypt, encrypt } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { db, isUniqueViolation } from "@/lib/db";
import { log } from "@/lib/log";
import { key, redis } from "@/lib/redis";
import type { SocialProvider } from "./oauth-providers";

export type OAuthIdentity = { provider: SocialProvider; providerAccountId: string; email: string | null; emailVerified: boolean; name: string | null };
export type RefusalReason = "email_unverified" | "link_unverified";
export type OAuthOutcome =
  | { kind: "signed_in"; userId: string; sessionId: string; linked: boolean }
  | { kind: "needs_signup"; ticket: string }
  | { kind: "refused"; reason: RefusalReason };

type Raw = Record<string, unknown> | undefined | null;
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * The identity in a provider's userinfo. Kakao says whether the address is verified (and valid); Naver
 * shares only the address its member registered and confirmed with Naver, so its address counts as verified.
 */
export function identityFromProfile(provider: SocialProvider, providerAccountId: string, profile: Raw): OAuthIdentity {
  if (provider === "kakao") {
    const account = obj(profile?.kakao_account);
    const email = str(account.email)?.toLowerCase() ?? null;
    const verified = account.is_email_verified === true && account.is_email_valid !== false;
    return { provider, providerAccountId, email, emailVerified: !!email && verified, name: str(obj(account.profile).nickname) };
  }
  const response = obj(profile?.response);
  const email = str(response.email)?.toLowerCase() ?? null;
  return { provider, providerAccountId, email, emailVerified: !!email, name: str(response.name) ?? str(response.nickname) };
}

export const TICKET_TTL_S = 15 * 60;
const ticketKey = (ticket: string) => key(`oauth-signup:${hashToken(ticket)}`);
export type PendingSignUp = { provider: SocialProvider; providerAccountId: string; email: string; name: string | null };

export async function resolveOAuthSignIn(identity: OAuthIdentity, ctx: { userAgent?: string | null } = {}): Promise<OAuthOutcome> {
  const where = { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } };
  const linked = await db.oAuthAccount.findUnique({ where, select: { user: { select: { id: true, deletedAt: true } } } });
  if (linked && !linked.user.deletedAt) return signedIn(linked.user.id, false, ctx);
  if (!identity.email || !identity.emailVerified) return { kind: "refused", reason: "email_unverified" };
  const existing = await db.user.findUnique({ where: { emailHash: emailIndex(identity.email) }, select: { id: true, deletedAt: true, emailVerifiedAt: true } });
  if (existing && !existing.deletedAt) {
    if (!existing.emailVerifiedAt) return { kind: "refused", reason: "link_unverified" };
    try {
      await db.oAuthAccount.create({ data: { userId: existing.id, provider: identity.provider, providerAccountId: identity.providerAccountId } });
    } catch (err) {
      // Two callbacks of the same identity at once: the other one linked it.
      if (!isUniqueViolation(err)) throw err;
    }
    log.info({ userId: existing.id, provider: identity.provider }, "social identity linked by verified email");
    return signedIn(existing.id, true, ctx);
  }
  const ticket = randomToken();
  const pending: PendingSignUp = { provider: identity.provider, providerAccountId: identity.providerAccountId, email: identity.email, name: identity.name };
  // Encrypted: the address is personal data, even for a quarter of an hour.
  await redis.set(ticketKey(ticket), encrypt(JSON.stringify(pending)), "EX", TICKET_TTL_S);
  return { kind: "needs_signup", ticket };
}

async function signedIn(userId: string, linked: boolean, ctx: { userAgent?: string | null }): Promise<OAuthOutcome> {
  const session = await createSession(userId, ctx.userAgent);
  return { kind: "signed_in", userId, sessionId: session.id, linked };
}

/** The pending sign-up of a ticket, without using it up (the page shows whom it is for). */
export async function peekPendingSignUp(ticket: string): Promise<PendingSignUp | null> {
  const raw = await redis.get(ticketKey(ticket));
  return raw ? (JSON.parse(decrypt(raw)) as PendingSignUp) : null;
}

/** Uses a ticket up (GETDEL: two submits finish one sign-up). */
export async function takePendingSignUp(ticket: string): Promise<PendingSignUp | null> {
  const raw = await redis.getdel(ticketKey(ticket));
  return raw ? (JSON.parse(decrypt(raw)) as PendingSignUp) : null;
}
