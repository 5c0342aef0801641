// The Auth.js session cookie, shared by the Auth.js config (which writes it on sign-in) and the guards
// and session minting (which read and write it without going through Auth.js's request scope).
import { createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, timingSafeEqual, type KeyObject } from "node:crypto";
import { encode } from "next-auth/jwt";
import { authSecrets } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";

/** Secure (and __Secure- prefixed) whenever the shop is served over https, i.e. in production. */
export const secureCookies = env.APP_URL.startsWith("https://");
export const sessionCookieName = secureCookies ? "__Secure-authjs.session-token" : "authjs.session-token";
/** Session lifetime: the JWT and the server-side session expire together. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

export type SessionClaims = { sub: string; sid: string };

export async function encodeSessionToken(claims: SessionClaims, maxAge = SESSION_MAX_AGE_S): Promise<string> {
  return encode({ token: { sub: claims.sub, sid: claims.sid }, secret: env.AUTH_SECRET, salt: sessionCookieName, maxAge });
}

// Decoding is a pure function of (token, secret) but costs a decryption; on the buy path the same buyers
// send many requests, so recent results are kept (bounded, and only until the JWT's own expiry —
// revocation is checked per request by the session store, not here). They are found by the token's last
// part (its authentication tag: short to hash, where the whole token is ~500 characters hashed afresh on
// every request) and count only for the very same token.
const decoded = new Map<string, { token: string; claims: SessionClaims; expMs: number }>();
const DECODED_MAX = 20_000;
const tagOf = (token: string) => token.slice(token.lastIndexOf(".") + 1);

/**
 * Null for anything that is not a valid, unexpired token encrypted with an accepted secret. Synchronous: the
 * decryption runs on node:crypto's one-shot calls (no WebCrypto promise, no key import) — a buyer's first
 * request on the buy path pays microseconds of CPU and no trip through the event loop.
 */
export function decodeSessionToken(token: string | undefined | null): SessionClaims | null {
  if (!token) return null;
  const tag = tagOf(token);
  const hit = decoded.get(tag);
  const now = Date.now();
  if (hit && hit.token === token && hit.expMs > now) return hit.claims;
  const claims = decryptSessionToken(token, now);
  if (!claims) return null;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  const value = { sub: claims.sub, sid: claims.sid };
  decoded.set(tag, { token, claims: value, expMs: claims.expMs });
  return value;
}

// Auth.js writes the cookie with jose's EncryptJWT: compact JWE, "dir" key management, A256CBC-HS512 (its
// default) or A256GCM, the key derived from AUTH_SECRET (or, for a cookie from before a rotation, an earlier
// secret still listed in AUTH_SECRET_PREVIOUS) with HKDF (salt = the cookie name) and named by
// its JWK thumbprint (kid). This is the same check jose's jwtDecrypt makes for those algorithms (RFC 7516
// §5.2, RFC 7518 §5.2.2 and §5.3, RFC 7519 §7.2), with the keys derived once per process — and held as
// KeyObjects: given raw bytes, Node 24 builds a KeyObject inside every createHmac / createDecipheriv
// (~25 µs each, measured; 8 µs with the KeyObject made once).
const ENC_KEY_LENGTH = { "A256CBC-HS512": 64, A256GCM: 32 } as const;
type Enc = keyof typeof ENC_KEY_LENGTH;
const CLOCK_TOLERANCE_S = 15;
/** `mac`/`enc`: the MAC and encryption halves for A256CBC-HS512; `enc` alone (`mac` unused) for A256GCM. */
type Keys = { mac: KeyObject; enc: KeyObject; kid: string };
/** Per algorithm, the key of each accepted secret (lib/crypto/secrets.ts): the current one first. */
const sessionKeys = new Map<Enc, Keys[]>();
function keysFor(enc: Enc): Keys[] {
  let keys = sessionKeys.get(enc);
  if (!keys) {
    keys = authSecrets.map((secret) => {
      const key = Buffer.from(hkdfSync("sha256", secret, sessionCookieName, `Auth.js Generated Encryption Key (${sessionCookieName})`, ENC_KEY_LENGTH[enc]));
      // RFC 7638 thumbprint of {"k","kty":"oct"}, hashed with SHA-(key bits): what Auth.js puts in `kid`.
      const kid = createHash(`sha${key.byteLength << 3}`).update(`{"k":"${key.toString("base64url")}","kty":"oct"}`).digest("base64url");
      const split = enc === "A256CBC-HS512";
      return { mac: createSecretKey(split ? key.subarray(0, 32) : key), enc: createSecretKey(split ? key.subarray(32) : key), kid };
    });
    sessionKeys.set(enc, keys);
  }
  return keys;
}

function decryptSessionToken(token: string, nowMs: number): (SessionClaims & { expMs: number }) | null {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") return null; // "dir": no encrypted key
  const [protectedB64, , ivB64, ciphertextB64, tagB64] = parts;
  let header: { alg?: unknown; enc?: unknown; kid?: unknown; zip?: unknown; crit?: unknown };
  try {
    header = JSON.parse(Buffer.from(protectedB64, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!header || header.alg !== "dir" || header.zip !== undefined || header.crit !== undefined) return null;
  if (typeof header.enc !== "string" || !(header.enc in ENC_KEY_LENGTH)) return null;
  const enc = header.enc as Enc;
  // The kid names the secret's key (a token from before a rotation names an earlier one); without one,
  // only the current secret's, as Auth.js decides (@auth/core jwt.js: no kid, the first secret).
  const candidates = header.kid === undefined ? keysFor(enc).slice(0, 1) : keysFor(enc).filter((k) => k.kid === header.kid);
  const iv = Buffer.from(ivB64, "base64url");
  const ciphertext = Buffer.from(ciphertextB64, "base64url");
  const tag = Buffer.from(tagB64, "base64url");
  const aad = Buffer.from(protectedB64, "ascii");
  let plaintext: Buffer | null = null;
  for (const keys of candidates) {
    try {
      plaintext = enc === "A256GCM" ? decryptGcm(keys.enc, iv, ciphertext, tag, aad) : decryptCbcHs512(keys, iv, ciphertext, tag, aad);
      break;
    } catch {
      // not this key
    }
  }
  if (!plaintext) return null;
  let jwt: { sub?: unknown; sid?: unknown; exp?: unknown; nbf?: unknown };
  try {
    jwt = JSON.parse(plaintext.toString("utf8"));
  } catch {
    return null;
  }
  if (!jwt || typeof jwt !== "object" || typeof jwt.sub !== "string" || typeof jwt.sid !== "string") return null;
  const nowS = Math.floor(nowMs / 1000);
  if (jwt.exp !== undefined && (typeof jwt.exp !== "number" || jwt.exp <= nowS - CLOCK_TOLERANCE_S)) return null;
  if (jwt.nbf !== undefined && (typeof jwt.nbf !== "number" || jwt.nbf > nowS + CLOCK_TOLERANCE_S)) return null;
  return { sub: jwt.sub, sid: jwt.sid, expMs: typeof jwt.exp === "number" ? jwt.exp * 1000 : nowMs + 60_000 };
}

/** AES_256_CBC_HMAC_SHA_512 (RFC 7518 §5.2.5): MAC key first half, encryption key second half. */
function decryptCbcHs512(keys: Keys, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
  if (iv.length !== 16 || tag.length !== 32) throw new Error("bad sizes");
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  const mac = createHmac("sha512", keys.mac).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
  if (!timingSafeEqual(mac, tag)) throw new Error("tag mismatch");
  const decipher = createDecipheriv("aes-256-cbc", keys.enc, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

function decryptGcm(key: KeyObject, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: Buffer): Buffer {
  if (iv.length !== 12 || tag.length !== 16) throw new Error("bad sizes");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/** The session cookie's value from a Cookie header (Auth.js splits cookies over 4 KB into .0, .1, …). */
export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  // Every request of the buy path reads this: find the one cookie, decode only what needs decoding.
  const whole = cookieValue(cookieHeader, sessionCookieName);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let n = 0, c: string | null; (c = cookieValue(cookieHeader, `${sessionCookieName}.${n}`)) !== null; n++) chunks.push(c);
  return chunks.length ? chunks.join("") : null;
}

/** The value of cookie `name` in a Cookie header (RFC 6265 §5.4: `name=value` pairs split by "; "), or null. */
export function cookieValue(header: string, name: string): string | null {
  for (let from = 0; from < header.length; ) {
    const at = header.indexOf(name, from);
    if (at === -1) return null;
    let start = at;
    while (start > 0 && (header[start - 1] === " " || header[start - 1] === "\t")) start--;
    const end = at + name.length;
    let eq = end;
    while (header[eq] === " " || header[eq] === "\t") eq++;
    if ((start === 0 || header[start - 1] === ";") && header[eq] === "=") {
      const stop = header.indexOf(";", eq);
      const raw = header.slice(eq + 1, stop === -1 ? undefined : stop).trim();
      if (!raw.includes("%")) return raw;
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
    from = end;
  }
  return null;
}

/** A Set-Cookie value that removes the session cookie (after sign-out everywhere or deletion). */
export function clearSessionCookieHeader(): string {
  return `${sessionCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
}

/** A Set-Cookie value for a new session's cookie (a sign-up finished outside Auth.js's own callback). */
export function sessionCookieHeader(value: string): string {
  return `${sessionCookieName}=${value}; Path=/; Max-Age=${SESSION_MAX_AGE_S}; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
}
