import "server-only";
// Request → Answer handlers of the waiting room's API, mounted by the Next routes under
// app/api/waiting-room/[productId]; the status poll by the production server's fast path too, which writes
// its plain Answer to the socket (lib/http.ts). Entering costs a proof of work; reading one's place is a long poll of
// one Redis script per interval; both need a signed-in buyer (the place is the person's, lib/waiting-room/identity.ts; the pass the account's).
import { addressRange } from "@/lib/address-range";
import { requireVerifiedUser, sessionClaims, signInFirst, userOfClaims } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { jsonAnswer, type Answer, type RequestLike } from "@/lib/http";
import { clientIp } from "@/lib/client-address";
import { key, redis } from "@/lib/redis";
import { waitingRoomsOn } from "@/lib/tiers";
import { parseBody, parseId, parseQuery } from "@/lib/validation";
import { roomConfig } from "./config";
import { deviceOf } from "./device";
import { createRoomChallenge, checkRoomSolution, type SeenOnce } from "./pow";
import { getRoomView } from "./room";
import { enterRoomSchema, roomStatusQuerySchema } from "./schemas";
import { fingerprint } from "./view";
import { waitForChange } from "./wait";

const noStore = { "cache-control": "no-store" };
const json = (body: unknown): Answer => jsonAnswer(body, 200, noStore);

/** A solved challenge's nonce is accepted once (SET NX until it has expired anyway). */
const seenOnce: SeenOnce = async (nonce, ttlS) => {
  try {
    return (await redis.set(key(`altcha:${nonce}`), "1", "EX", ttlS, "NX")) === "OK";
  } catch {
    throw new AppError("UNAVAILABLE", "The waiting room is paused for a moment", undefined, { retryAfter: 3 });
  }
};

/** Rooms are off in the PostgreSQL-only mode (lib/tiers.ts): every drop answers as a drop without a room. */
const noRoom = () => new AppError("CONFLICT", "This drop has no waiting room");

/** GET /api/waiting-room/{productId}/challenge — an ALTCHA challenge for this buyer and drop. */
export async function handleRoomChallenge(req: RequestLike, productId: string): Promise<Answer> {
  const id = parseId(productId, "product");
  const user = await requireVerifiedUser(req);
  if (!waitingRoomsOn) throw noRoom();
  return json(await createRoomChallenge(id, user.id));
}

/**
 * POST /api/waiting-room/{productId}/enter { altcha } — take a place (or keep the one held). A new place
 * counts against the client's address range (IPv4 /24, IPv6 /64) and device cookie, each capped per drop
 * (403 ROOM_RANGE_CAP / ROOM_DEVICE_CAP); a request without a valid device cookie is issued one here.
 */
export async function handleEnterRoom(req: RequestLike, productId: string): Promise<Answer> {
  const id = parseId(productId, "product");
  const user = await requireVerifiedUser(req);
  const { altcha } = await parseBody(enterRoomSchema, req);
  if (!waitingRoomsOn) throw noRoom();
  const problem = await checkRoomSolution(altcha, id, user.id, seenOnce);
  if (problem) throw new AppError("VALIDATION", "The proof of work was not accepted", { altcha: [problem] });
  const { device, setCookie } = deviceOf(req);
  const view = await getRoomView(id, user, "enter", undefined, { range: addressRange(clientIp(req.headers), 64), device });
  if (view.state === "off") throw noRoom();
  if (view.state === "too_early") throw new AppError("ROOM_NOT_OPEN", "The waiting room opens before the drop", undefined, { entryOpensAt: view.entryOpensAt });
  return jsonAnswer({ room: view }, 200, setCookie ? { ...noStore, "set-cookie": setCookie } : noStore);
}

/**
 * GET /api/waiting-room/{productId}?after=<fingerprint> — the buyer's place. With `after` (the fingerprint
 * of the answer the page shows) it waits until something changed, up to WAITING_ROOM_POLL_MAX_MS.
 */
export async function handleRoomStatus(req: RequestLike & { signal?: AbortSignal }, productId: string): Promise<Answer> {
  const id = parseId(productId, "product");
  const claims = sessionClaims(req);
  if (!claims) signInFirst();
  const { after } = parseQuery(roomStatusQuerySchema, new URL(req.url).searchParams);
  // The live session (one cached read per poll, not per interval): a verified phone is the place's identity.
  const user = (await userOfClaims(claims)) ?? signInFirst();
  const buyer = { id: user.id, phoneHash: user.phoneHash };
  const view = await waitForChange(() => getRoomView(id, buyer, "status"), fingerprint, after, {
    everyMs: roomConfig.pollEveryMs, maxMs: roomConfig.pollMaxMs, signal: req.signal,
  });
  return json({ room: view, fingerprint: fingerprint(view) });
}

const ROOM_PREFIX = "/api/waiting-room/";
/** The product id of a room status poll's path (GET /api/waiting-room/<id>), else null: the production server's fast path serves it. */
export function roomPollId(path: string): string | null {
  if (!path.startsWith(ROOM_PREFIX)) return null;
  const id = path.slice(ROOM_PREFIX.length);
  return id.length > 0 && !id.includes("/") ? id : null;
}
