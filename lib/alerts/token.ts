// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The unsubscribe link's token: the alert's id and an HMAC over it, with a key derived from AUTH_SECRET. One
// token per alert, nothing stored, checked without signing in. Links mailed before a rotation of AUTH_SECRET
// keep working while the old secret is listed in AUTH_SECRET_PREVIOUS (lib/crypto/secrets.ts).
import { createHmac, type KeyObject } from "node:crypto";
import { derivedKeys } from "@/lib/crypto/secrets";
import { signedByAny } from "@/lib/crypto/signature";
import { TOKEN_PATTERN } from "./schemas";

const keys = derivedKeys("alert-unsubscribe/v1");
const sign = (alertId: string, key: KeyObject = keys[0]) => createHmac("sha256", key).update(alertId).digest("base64url");

export const unsubscribeToken = (alertId: string) => `${alertId}.${sign(alertId)}`;

/** The alert a token names, or null when its signature does not hold. */
export function alertIdOfToken(token: string): string | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [id, sig] = token.split(".");
  return signedByAny(keys, Buffer.from(sig), (key) => Buffer.from(sign(id, key))) ? id : null;
}
