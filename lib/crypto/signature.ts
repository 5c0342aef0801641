// Signatures checked against every accepted key (lib/crypto/secrets.ts: the current secret's first, then
// earlier ones after a rotation). Pure: no environment, no I/O.
import { timingSafeEqual } from "node:crypto";

/** Whether `given` is what `sign` makes with one of `keys`: compared in constant time, the first key first. */
export function signedByAny<K>(keys: readonly K[], given: Buffer, sign: (key: K) => Buffer): boolean {
  return keys.some((key) => {
    const want = sign(key);
    return want.length === given.length && timingSafeEqual(want, given);
  });
}
