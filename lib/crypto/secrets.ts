// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The server's signing secret and the earlier ones still accepted: AUTH_SECRET signs everything new;
// AUTH_SECRET_PREVIOUS (its predecessors) only verifies, so a rotation neither signs everybody out nor
// breaks links already mailed (docs/security.md, "Rotating AUTH_SECRET").
import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { env } from "@/lib/env";

/** AUTH_SECRET first (what signs), then AUTH_SECRET_PREVIOUS in the order given. */
export const authSecrets: readonly string[] = [env.AUTH_SECRET, ...env.AUTH_SECRET_PREVIOUS.filter((s) => s !== env.AUTH_SECRET)];

/** The raw key `label` derives from `secret`: HMAC-SHA256(secret, "hurryup/<label>"). */
export const deriveKey = (secret: string, label: string): Buffer => createHmac("sha256", secret).update(`hurryup/${label}`).digest();

/**
 * The key `label` derives from each accepted secret, the signing one first. KeyObjects made once: given raw
 * bytes, Node 24 builds one inside every createHmac (~25 µs).
 */
export const derivedKeys = (label: string): readonly [KeyObject, ...KeyObject[]] =>
  authSecrets.map((secret) => createSecretKey(deriveKey(secret, label))) as [KeyObject, ...KeyObject[]];
