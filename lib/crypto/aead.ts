// Personal data at rest: AES-256-GCM under keys from DATA_ENCRYPTION_KEYS ("id:base64,…", newest first).
// The ciphertext names its key id, so old rows stay readable after a rotation and are re-encrypted lazily.
// Format: v1.<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export type KeyRing = { current: string; keys: Map<string, Buffer> };

export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  const entries = spec.split(",").map((p) => p.trim().split(":"));
  for (const [id, b64] of entries) {
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
    keys.set(id, key);
  }
  return { current: entries[0][0], keys };
}

let defaultRing: KeyRing | undefined;
const ring = () => (defaultRing ??= parseKeyRing(env.DATA_ENCRYPTION_KEYS));

export function encrypt(plaintext: string, keys: KeyRing = ring()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.keys.get(keys.current)!, iv);
  // The key id is authenticated too: a ciphertext cannot be replayed under another key's label.
  cipher.setAAD(Buffer.from(keys.current));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", keys.current, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** Throws when the value was tampered with or its key is unknown. */
export function decrypt(value: string, keys: KeyRing = ring()): string {
  const [version, keyId, iv, tag, data] = value.split(".");
  if (version !== "v1" || data === undefined) throw new Error("malformed ciphertext");
  const key = keys.keys.get(keyId);
  if (!key) throw new Error(`unknown encryption key id ${keyId}`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export const encryptOptional = (v: string | null | undefined, keys?: KeyRing) => (v ? encrypt(v, keys) : null);
export const decryptOptional = (v: string | null | undefined, keys?: KeyRing) => (v ? decrypt(v, keys) : null);

/** True when the value is under an older key and should be re-encrypted. */
export const needsRotation = (value: string, keys: KeyRing = ring()) => value.split(".")[1] !== keys.current;
