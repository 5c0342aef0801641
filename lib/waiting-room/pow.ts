// Server code that also runs in the benchmark and tests (plain Node via tsx), hence no "server-only" marker.
// Proof of work to enter a waiting room (ALTCHA, self-hosted: altcha-lib here, the altcha widget in the
// page). A challenge is bound to one drop and one account and signed with the server's ALTCHA key; a solved
// challenge is accepted once (its nonce kept in Redis with SET NX until the challenge has expired), so a
// fleet pays for every entry. Sized by ALTCHA_MAX_COUNTER × ALTCHA_COST (docs/waiting-room.md).
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { clock } from "@/lib/clock";
import { altchaKey, roomConfig } from "./config";

export const POW_ALGORITHM = "PBKDF2/SHA-256";

/** Remembers a solved challenge's nonce once: true the first time (SET NX with a TTL). */
export type SeenOnce = (nonce: string, ttlS: number) => Promise<boolean>;

export function createRoomChallenge(productId: string, userId: string, size = roomConfig.pow): Promise<Challenge> {
  return createChallenge({
    algorithm: POW_ALGORITHM,
    cost: size.cost,
    counter: randomInt(Math.max(1, Math.floor(size.maxCounter / 3)), size.maxCounter),
    deriveKey,
    hmacSignatureSecret: altchaKey,
    hmacKeySignatureSecret: altchaKey,
    expiresAt: Math.floor(clock.nowMs() / 1000) + size.expiresS,
    data: { p: productId, u: userId },
  });
}

export type PowProblem = "invalid" | "expired" | "used";

/** The widget's payload: base64 of JSON { challenge, solution }. */
function parsePayload(payload: string): Payload | null {
  try {
    const p = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as Payload;
    return p && typeof p === "object" && p.challenge?.parameters && p.solution ? p : null;
  } catch {
    return null;
  }
}

/** null when `payload` solves a challenge this server made for this drop and account, not used before. */
export async function checkRoomSolution(payload: string, productId: string, userId: string, seenOnce: SeenOnce): Promise<PowProblem | null> {
  const p = parsePayload(payload);
  if (!p) return "invalid";
  const data = p.challenge.parameters.data;
  if (data?.p !== productId || data?.u !== userId) return "invalid";
  let result;
  try {
    result = await verifySolution({ challenge: p.challenge, solution: p.solution, deriveKey, hmacSignatureSecret: altchaKey, hmacKeySignatureSecret: altchaKey });
  } catch {
    return "invalid";
  }
  if (result.expired) return "expired";
  if (!result.verified) return "invalid";
  const ttlS = Math.max(1, (p.challenge.parameters.expiresAt ?? 0) - Math.floor(clock.nowMs() / 1000)) + 60;
  return (await seenOnce(p.challenge.parameters.nonce, ttlS)) ? null : "used";
}
