// Server code that also runs in the benchmark and tests (plain Node via tsx), hence no "server-only" marker.
// The buy path's side of the waiting room: POST /api/orders reads the pass header once (a synchronous HMAC
// check, no I/O), hands the pass to the admission script (which requires it for a drop whose room is on and
// uses it up), and turns the script's pass refusals into 403 answers the page understands.
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { passKeys } from "./config";
import { roomHint } from "./hint";
import { verifyPass, type RoomPass } from "./pass";

export type { RoomPass };

/** The request header that carries a pass. */
export const PASS_HEADER = "x-waiting-room-pass";

const messages = {
  WAITING_ROOM_PASS_REQUIRED: "This drop sells through its waiting room: enter the room and wait for your turn",
  PASS_INVALID: "This waiting-room pass is not valid for this account and drop",
  PASS_EXPIRED: "Your waiting-room pass expired; your turn was lost",
  PASS_USED: "Your waiting-room pass was already used for an order",
} as const;
export type PassCode = keyof typeof messages;

export const passError = (code: PassCode, productId?: string) => new AppError(code, messages[code], undefined, productId ? { productId } : undefined);

/** The 403 answer for a refusal of the admission script ("pass_required" | "pass_used"). */
export function passRefusal(result: "pass_required" | "pass_used", productId: string): { status: number; body: unknown } {
  if (result === "pass_required") roomHint.learn(productId, true);
  const e = passError(result === "pass_required" ? "WAITING_ROOM_PASS_REQUIRED" : "PASS_USED", productId);
  return { status: e.status, body: e.toJSON() };
}

/**
 * The request's pass, checked for `userId` (the cookie's account): null when it carries none. Throws 403
 * PASS_INVALID (forged, altered, another account's, or for none of `productIds` — null when the body does
 * not name its products, a cart checkout) or PASS_EXPIRED; and WAITING_ROOM_PASS_REQUIRED without a pass for
 * a drop this process just saw needs one (roomHint) — the script would say the same after a round trip.
 */
export function roomPassOf(req: { headers: { get(name: string): string | null } }, userId: string, productIds: string[] | null): RoomPass | null {
  const token = req.headers.get(PASS_HEADER);
  if (!token) {
    const needs = productIds?.find((id) => roomHint.requiresPass(id));
    if (needs) throw passError("WAITING_ROOM_PASS_REQUIRED", needs);
    return null;
  }
  const pass = verifyPass(passKeys, token, userId, clock.nowMs());
  if (typeof pass === "string") throw passError(pass);
  if (productIds && !productIds.includes(pass.productId)) throw passError("PASS_INVALID");
  return pass;
}

/** The pass's id when it is for this product (what the admission scripts take), else undefined. */
export const passIdFor = (pass: RoomPass | null | undefined, productId: string) => (pass && pass.productId === productId ? pass.passId : undefined);
