import "server-only";
// The HTTP face of the sign-in limit: Auth.js's own callback would answer a locked-out sign-in with a
// redirect, so the route checks the lock first and lets the caller see a real 429 with Retry-After.
import { emailIndex } from "@/lib/crypto/blind-index";
import { clientIp } from "@/lib/client-address";
import { assertSignInAllowed } from "@/lib/rate-limit";
import { emailSchema } from "./schemas";

export async function checkSignInLock(req: Request): Promise<void> {
  const type = req.headers.get("content-type") ?? "";
  let email: unknown;
  if (type.includes("application/json")) {
    const body: unknown = await req.clone().json().catch(() => null);
    // Any JSON: null, a number or an array names no email (a null body was a 500, found by the fuzz suite).
    email = body !== null && typeof body === "object" ? (body as { email?: unknown }).email : undefined;
  }
  else email = (await req.clone().formData().catch(() => null))?.get("email");
  const parsed = emailSchema.safeParse(email);
  // A malformed email cannot match an account; the IP limit still applies.
  await assertSignInAllowed(parsed.success ? emailIndex(parsed.data) : "-", clientIp(req.headers));
}
