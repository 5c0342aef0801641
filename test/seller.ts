// Helpers for seller-area integration tests: signed-in sellers, admins and buyers, and calls to the
// /api/seller routes with their cookies.
import { mintSessionCookie } from "@/lib/auth/session";
import { createSeller, createUser } from "@/test/factories";
import { cookieHeader } from "@/test/http";

export async function signedInSeller() {
  const seller = await createSeller();
  return { seller, cookie: cookieHeader(await mintSessionCookie(seller.userId)) };
}

export async function signedIn(role: "BUYER" | "ADMIN" = "BUYER") {
  const user = await createUser({ role });
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}

/** An ISO time `seconds` from now (negative = in the past). */
export const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
