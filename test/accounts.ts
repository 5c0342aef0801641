// Accounts for integration tests: real encrypted personal data and argon2id passwords, plus a real
// Auth.js credentials sign-in through the route handler (csrf token, form post, session cookie).
import { randomUUID } from "node:crypto";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { encrypt } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { hashPassword } from "@/lib/crypto/password";
import { sessionCookieName } from "@/lib/auth/cookie";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { ctx, origin, randomIp } from "./http";

export const TEST_PASSWORD = "Test!pass123";

export async function createAccount(opts: { role?: Role; verified?: boolean; password?: string; shopName?: string } = {}) {
  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  const password = opts.password ?? TEST_PASSWORD;
  const user = await db.user.create({
    data: {
      role: opts.role ?? "BUYER",
      emailHash: emailIndex(email),
      emailEnc: encrypt(email),
      passwordHash: await hashPassword(password),
      nameEnc: encrypt("테스트 사용자"),
      phoneEnc: encrypt("010-1234-5678"),
      emailVerifiedAt: opts.verified === false ? null : new Date(),
      ...(opts.role === "SELLER" && { seller: { create: { shopName: opts.shopName ?? "테스트 상점" } } }),
    },
  });
  return { user, email, password };
}

const setCookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in through Auth.js's own credentials callback; returns the HTTP answer and the session cookie. */
export async function signInViaAuthjs(email: string, password: string, ip = randomIp()) {
  const csrfRes = await authRoute.GET(new Request(`${origin}/api/auth/csrf`), ctx({}) as never);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = setCookies(csrfRes).join("; ");
  const res = await authRoute.POST(
    new Request(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin, "x-forwarded-for": ip, "user-agent": "vitest" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/account` }),
    }),
    ctx({}) as never,
  );
  const session = setCookies(res).find((c) => c.startsWith(`${sessionCookieName}=`) && c.length > sessionCookieName.length + 1);
  return { res, cookie: session ?? null, location: res.headers.get("location") };
}
