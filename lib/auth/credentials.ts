import "server-only";
// Checking a password at sign-in, with the failure limits, and opening a server-side session.
import { emailIndex } from "@/lib/crypto/blind-index";
import { verifyPassword } from "@/lib/crypto/password";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "@/lib/rate-limit";
import { createSession } from "./session";

export type SignedIn = { userId: string; sessionId: string };

/**
 * The user's new session, or null for a wrong email/password (indistinguishable). Throws RATE_LIMITED
 * (429) once the account or the IP has 5 failures in 15 minutes.
 */
export async function signInWithPassword(email: string, password: string, ctx: { ip: string; userAgent?: string | null }): Promise<SignedIn | null> {
  const emailHash = emailIndex(email);
  await assertSignInAllowed(emailHash, ctx.ip);
  const user = await db.user.findUnique({ where: { emailHash }, select: { id: true, passwordHash: true, deletedAt: true } });
  const ok = await verifyPassword(user && !user.deletedAt ? user.passwordHash : null, password);
  if (!user || user.deletedAt || !ok) {
    await recordSignInFailure(emailHash, ctx.ip);
    log.info("sign-in failed");
    return null;
  }
  await clearSignInFailures(emailHash);
  const session = await createSession(user.id, ctx.userAgent);
  return { userId: user.id, sessionId: session.id };
}
