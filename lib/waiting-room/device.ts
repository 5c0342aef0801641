// The waiting room's device cookie: what the cap on places per device counts. A random id the server signs
// (HMAC with a key derived from AUTH_SECRET; earlier secrets still verify), HttpOnly, long-lived, sent only to the room's API. A request
// without a valid one — none, altered, made up — gets a new id issued, and that issued id is what its entry
// counts against: dropping or forging the cookie never skips the cap, it only starts a new device (whose
// places still count against the address range's cap). Pure apart from the random id: no I/O.
import { createHmac, randomBytes } from "node:crypto";
import { cookieValue, secureCookies } from "@/lib/auth/cookie";
import { signedByAny } from "@/lib/crypto/signature";
import { deviceKeys } from "./config";

export const DEVICE_COOKIE = "hu_room_device";
/** Browsers keep a cookie at most 400 days. */
const MAX_AGE_S = 400 * 24 * 3600;
const ID = /^[A-Za-z0-9_-]{22}$/;
const SIG = /^[A-Za-z0-9_-]{22}$/;

const mac = (id: string, key = deviceKeys[0]) => createHmac("sha256", key).update(`device|${id}`).digest().subarray(0, 16).toString("base64url");

/** The cookie's value for a device id: `<id>.<signature>`. */
export const signDevice = (id: string) => `${id}.${mac(id)}`;

/** The device id a cookie value carries, or null when it is not one this server signed. */
export function readDevice(value: string | null | undefined): string | null {
  if (!value) return null;
  const [id, sig, more] = value.split(".");
  if (more !== undefined || !id || !sig || !ID.test(id) || !SIG.test(sig)) return null;
  // Compared as text: base64url decoding ignores a last character's spare bits, so bytes would accept variants.
  // Signed with the current secret or an earlier one still accepted (a rotation keeps the device).
  return signedByAny(deviceKeys, Buffer.from(sig), (key) => Buffer.from(mac(id, key))) ? id : null;
}

/** The request's device id, and the Set-Cookie that issues one when it had none (null when it had). */
export function deviceOf(req: { headers: { get(name: string): string | null } }): { device: string; setCookie: string | null } {
  const known = readDevice(cookieValue(req.headers.get("cookie") ?? "", DEVICE_COOKIE));
  if (known) return { device: known, setCookie: null };
  const device = randomBytes(16).toString("base64url");
  return {
    device,
    setCookie: `${DEVICE_COOKIE}=${signDevice(device)}; Path=/api/waiting-room; Max-Age=${MAX_AGE_S}; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`,
  };
}
