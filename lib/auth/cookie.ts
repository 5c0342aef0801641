// The Auth.js session cookie, shared by the Auth.js config (which writes it on sign-in) and the guards
// and session minting (which read and write it without going through Auth.js's request scope).
import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { encode } from "next-auth/jwt";
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

// Decoding is a pure function of (token, secret) but costs a key derivation and a decryption; on the buy
// path the same buyers send many requests, so recent results are kept (bounded, and only until the JWT's
// own expiry — revocation is checked per request by the session store, not here).
const decoded = new Map<string, { claims: SessionClaims; expMs: number }>();
const DECODED_MAX = 50_000;

/** Null for anything that is not a valid, unexpired token signed with our secret. */
export async function decodeSessionToken(token: string | undefined | null): Promise<SessionClaims | null> {
  if (!token) return null;
  const hit = decoded.get(token);
  if (hit && hit.expMs > Date.now()) return hit.claims;
  const claims = await decodeUncached(token);
  if (claims) {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, { claims: { sub: claims.sub, sid: claims.sid }, expMs: claims.expMs });
  }
  return claims && { sub: claims.sub, sid: claims.sid };
}

// Auth.js's own decode (next-auth/jwt) derives the key with HKDF and computes its thumbprint on every
// call. This is the same check — jose's jwtDecrypt with the same algorithms, key derivation, kid match and
// clock tolerance — with the derived keys computed once per process.
const ENC_KEY_LENGTH = { "A256CBC-HS512": 64, A256GCM: 32 } as const;
type Enc = keyof typeof ENC_KEY_LENGTH;
const derivedKeys = new Map<Enc, Promise<{ key: Uint8Array; kid: string }>>();
function derivedKey(enc: Enc) {
  let k = derivedKeys.get(enc);
  if (!k) {
    k = (async () => {
      const key = new Uint8Array(hkdfSync("sha256", env.AUTH_SECRET, sessionCookieName, `Auth.js Generated Encryption Key (${sessionCookieName})`, ENC_KEY_LENGTH[enc]));
      const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${key.byteLength << 3}` as "sha256" | "sha512");
      return { key, kid };
    })();
    derivedKeys.set(enc, k);
  }
  return k;
}

async function decodeUncached(token: string): Promise<(SessionClaims & { expMs: number }) | null> {
  let jwt: { sub?: unknown; sid?: unknown; exp?: unknown };
  try {
    ({ payload: jwt } = await jwtDecrypt(
      token,
      async ({ kid, enc }) => {
        if (!(enc in ENC_KEY_LENGTH)) throw new Error("unsupported enc");
        const d = await derivedKey(enc as Enc);
        if (kid !== undefined && kid !== d.kid) throw new Error("no matching decryption secret");
        return d.key;
      },
      { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
    ));
  } catch {
    return null;
  }
  if (typeof jwt.sub !== "string" || typeof jwt.sid !== "string") return null;
  return { sub: jwt.sub, sid: jwt.sid, expMs: typeof jwt.exp === "number" ? jwt.exp * 1000 : Date.now() + 60_000 };
}

/** The session cookie's value from a Cookie header (Auth.js splits cookies over 4 KB into .0, .1, …). */
export function readSessionCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  const whole = jar.get(sessionCookieName);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let n = 0; jar.has(`${sessionCookieName}.${n}`); n++) chunks.push(jar.get(`${sessionCookieName}.${n}`)!);
  return chunks.length ? chunks.join("") : null;
}

/** A Set-Cookie value that removes the session cookie (after sign-out everywhere or deletion). */
export function clearSessionCookieHeader(): string {
  return `${sessionCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`;
}
