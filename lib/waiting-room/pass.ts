// The waiting room's pass: what a let-through buyer shows POST /api/orders. Signed with a key derived from
// the server's secret (HMAC-SHA256), bound to one account and one drop, valid until its expiry, single use
// (the admission script marks its id used in the drop's Redis slot). Checking it is pure and synchronous: no
// database, no Redis — a flood of forged or stale passes costs one HMAC per accepted secret each (one,
// unless AUTH_SECRET_PREVIOUS lists earlier secrets after a rotation).
import { createHmac, type KeyObject } from "node:crypto";
import { signedByAny } from "@/lib/crypto/signature";

export type RoomPass = { productId: string; userId: string; passId: string; expiresMs: number };
export type PassProblem = "PASS_INVALID" | "PASS_EXPIRED";
/** The pass key: lib/waiting-room/config.ts holds it as a KeyObject; tests may give bytes. */
type Key = KeyObject | Buffer;

const VERSION = "p1";
const payloadOf = (p: RoomPass) => `${VERSION}|${p.productId}|${p.userId}|${p.passId}|${p.expiresMs}`;
const mac = (key: Key, p: RoomPass) => createHmac("sha256", key).update(payloadOf(p)).digest();

/** The pass as a header value: `p1.<productId>.<userId>.<passId>.<expiresMs>.<signature>`. */
export function signPass(key: Key, p: RoomPass): string {
  return [VERSION, p.productId, p.userId, p.passId, p.expiresMs, mac(key, p).toString("base64url")].join(".");
}

const ID = /^[0-9a-fA-F-]{36}$/;
const PASS_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The pass if `token` is one this server signed for `userId` (with `keys`' one, or any of them: the current
 * secret's first, then earlier ones still accepted) and it has not expired at `nowMs`. A pass
 * minted without the key, altered, or another account's (a transfer) is PASS_INVALID; an expired one
 * PASS_EXPIRED (checked after the signature, so the answer leaks nothing about forged tokens).
 */
export function verifyPass(keys: readonly Key[], token: string, userId: string, nowMs: number): RoomPass | PassProblem {
  const parts = token.split(".");
  if (parts.length !== 6 || parts[0] !== VERSION) return "PASS_INVALID";
  const [, productId, owner, passId, exp, sig] = parts;
  if (!ID.test(productId) || !ID.test(owner) || !PASS_ID.test(passId) || !/^\d{1,15}$/.test(exp)) return "PASS_INVALID";
  const pass: RoomPass = { productId, userId: owner, passId, expiresMs: Number(exp) };
  if (!signedByAny(keys, Buffer.from(sig, "base64url"), (key) => mac(key, pass))) return "PASS_INVALID";
  if (owner !== userId) return "PASS_INVALID";
  if (pass.expiresMs <= nowMs) return "PASS_EXPIRED";
  return pass;
}
