import "server-only";
// Auth.js v5: the Credentials provider over our own password check, Kakao and Naver when configured, and
// a JWT session cookie that names a server-side session (so it can be revoked) — one session mechanism
// whichever way the user signed in. The JWT carries only the user id and the session id;
// role and verification state are read live by the guards (lib/auth/guards.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInWithPassword } from "./credentials";
import { clientIp } from "@/lib/client-address";
import { signInSchema } from "./schemas";
import { revokeSession } from "./session";
import { loadLiveSession } from "./session-store";
import { authSecrets } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { secureCookies, SESSION_MAX_AGE_S } from "./cookie";
import { identityFromProfile, resolveOAuthSignIn } from "./oauth";
import { isSocialProvider, socialProviders } from "./oauth-providers";

/** Surfaces as `error=CredentialsSignin&code=rate_limited` (and `err.code` in a server action). */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfter: number) {
    super("Too many sign-in attempts");
  }
}

export const { handlers, signIn, signOut } = NextAuth({
  // The current secret signs; earlier ones still decrypt the cookies they signed (lib/crypto/secrets.ts).
  secret: [...authSecrets],
  trustHost: true,
  useSecureCookies: secureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/signin", error: "/signin" },
  // Auth.js logs to the console by default; route it to pino. A wrong password is routine, not an error.
  logger: {
    error: (err) => (err instanceof CredentialsSignin ? log.info({ code: err.code }, "sign-in refused") : log.error({ err }, "auth error")),
    warn: (code) => log.warn({ code }, "auth warning"),
    debug: () => undefined,
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const ok = await signInWithPassword(parsed.data.email, parsed.data.password, {
            ip: clientIp(request.headers),
            userAgent: request.headers.get("user-agent"),
          });
          return ok && { id: ok.userId, sessionId: ok.sessionId };
        } catch (err) {
          if (err instanceof AppError && err.code === "RATE_LIMITED") throw new RateLimitedSignIn(Number(err.extra?.retryAfter ?? 60));
          throw err;
        }
      },
    }),
    ...socialProviders(),
  ],
  callbacks: {
    // Kakao / Naver: decide the account (lib/auth/oauth.ts). A signed-in outcome carries our user id and a
    // new server-side session into the jwt callback below, exactly like a password sign-in; the others
    // redirect without a session (to finish a sign-up, or to the sign-in page with the reason).
    async signIn({ user, account, profile }) {
      if (account?.type !== "oauth" || !isSocialProvider(account.provider)) return true;
      const identity = identityFromProfile(account.provider, account.providerAccountId, profile);
      const outcome = await resolveOAuthSignIn(identity, { userAgent: await requestUserAgent() });
      if (outcome.kind === "signed_in") {
        Object.assign(user, { id: outcome.userId, sessionId: outcome.sessionId });
        return true;
      }
      if (outcome.kind === "needs_signup") return `/signup/social?ticket=${encodeURIComponent(outcome.ticket)}`;
      return `/signin?error=OAuthRefused&code=${outcome.reason}`;
    },
    // Only the ids go into the cookie: no personal data, and nothing that could go stale.
    async jwt({ token, user }) {
      if (user) return { sub: user.id, sid: (user as { sessionId?: string }).sessionId };
      // Auth.js's own endpoints (/api/auth/session) must not vouch for a revoked session: null clears the cookie.
      const live = typeof token.sid === "string" ? await loadLiveSession(token.sid) : null;
      return live && live.userId === token.sub ? token : null;
    },
    redirect({ url, baseUrl }) {
      if (url.startsWith("/")) return `${baseUrl}${url}`;
      return new URL(url).origin === baseUrl ? url : baseUrl;
    },
  },
  events: {
    // Sign-out through /api/auth/signout (or the signOut() helper) revokes the server-side session too.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const claims = token && typeof token.sub === "string" && typeof token.sid === "string" ? { sub: token.sub, sid: token.sid } : null;
      if (claims) await revokeSession(claims.sub, claims.sid);
    },
  },
});

/** The browser's user agent for the session list; Auth.js's callbacks do not get the request itself. */
async function requestUserAgent(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
}
