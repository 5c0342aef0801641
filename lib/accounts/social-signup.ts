import "server-only";
// Finishing a Kakao / Naver sign-up: the ticket from lib/auth/oauth.ts names a provider identity with a
// verified address; the account exists only once the required consents are given here (and the profile
// the shop needs). The address counts as verified (the provider verified it); there is no password —
// one can be set later through "forgot password".
import { clock } from "@/lib/clock";
import { encrypt } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { takePendingSignUp } from "@/lib/auth/oauth";
import { createSession } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { recordSignUpConsents } from "./consent";
import { socialSignUpSchema } from "./schemas";

const expired = () => new AppError("BAD_REQUEST", "The social sign-in expired; start again", { ticket: ["expired"] });

export async function completeSocialSignUp(input: unknown, ctx: { userAgent?: string | null } = {}): Promise<{ userId: string; sessionId: string }> {
  // Validated before the ticket is used up: a form with a missing box can be corrected and sent again.
  const data = parseInput(socialSignUpSchema, input);
  const pending = await takePendingSignUp(data.ticket);
  if (!pending) throw expired();
  const now = clock.now();
  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          role: "BUYER",
          emailHash: emailIndex(pending.email),
          emailEnc: encrypt(pending.email),
          emailVerifiedAt: now,
          nameEnc: encrypt(data.name),
          phoneEnc: encrypt(data.phone),
          locale: data.locale ?? "ko",
          oauthAccounts: { create: { provider: pending.provider, providerAccountId: pending.providerAccountId } },
        },
      });
      await recordSignUpConsents(tx, user.id, data.agreeMarketing);
      return user.id;
    });
  } catch (err) {
    // The address (or the identity) got an account meanwhile: signing in again links or signs in.
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "An account with this address exists; sign in again", { ticket: ["expired"] });
    throw err;
  }
  const session = await createSession(userId, ctx.userAgent);
  return { userId, sessionId: session.id };
}
