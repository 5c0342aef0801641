// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The unsubscribe link's token: the alert's id and an HMAC over it, with a key derived from AUTH_SECRET. One
// token per alert, nothing stored, checked without signing in; rotating AUTH_SECRET voids the links already
// mailed (like sessions and waiting-room passes).
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { TOKEN_PATTERN } from "./schemas";

const key = createHmac("sha256", env.AUTH_SECRET).update("hurryup/alert-unsubscribe/v1").digest();
const sign = (alertId: string) => createHmac("sha256", key).update(alertId).digest("base64url");


export const unsubscribeToken = (alertId: string) => `${alertId}.${sign(alertId)}`;

/** The alert a token names, or null when its signature does not hold. */
export function alertIdOfToken(token: string): string | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [id, sig] = token.split(".");
  const want = Buffer.from(sign(id));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want) ? id : null;
}
