// Server code that also runs in the benchmark and tests (plain Node via tsx), hence no "server-only" marker.
// Entering a drop's waiting room and reading one's place: one ROOM script on the drop's keys through the
// stock gate (its breaker, its loading of missing keys from PostgreSQL), never a PostgreSQL query once the
// drop's keys are loaded. While Redis is away the room pauses (503 + Retry-After): places are kept in Redis,
// passes already issued stay valid (they are signed) and buy through the PostgreSQL path. In the
// PostgreSQL-only mode (STOCK_STORE=postgres) rooms are off: every drop reads "off" and sells without one.
import { randomBytes, randomInt } from "node:crypto";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { RedisUnavailable, stockGate, type StockGate } from "@/lib/stock/gate";
import { roomConfig, passKey } from "./config";
import { roomHint } from "./hint";
import { placeIdentity, type RoomBuyer } from "./identity";
import { roomKeyList } from "./keys";
import { signPass } from "./pass";
import { waitingRoomsOn } from "@/lib/tiers";
import { ROOM } from "./scripts";
import { parseReading, viewOf, type RoomReading, type RoomView } from "./view";

/** A uniformly random score in [0, 1) from the CSPRNG (47 bits): the pre-queue's draw. */
export const randomScore = () => randomInt(0, 2 ** 47) / 2 ** 47;

/**
 * Where an entry comes from, for the caps on places per drop: the client's address range (lib/address-range.ts;
 * null = unknown, not capped) and the device id of the room's cookie (lib/waiting-room/device.ts).
 */
export type RoomClient = { range?: string | null; device?: string | null };

const roomOff: RoomReading = { state: "off", rank: -1, queued: 0, admitted: 0, available: 0, passId: "", passExpiresMs: 0, startsMs: 0, rate: 0, windowMs: 0 };

export async function readRoom(productId: string, buyer: RoomBuyer, mode: "enter" | "status", gate: StockGate = stockGate(), client: RoomClient = {}): Promise<RoomReading> {
  if (!waitingRoomsOn || gate.mode === "postgres") return roomOff;
  for (let attempt = 0; attempt < 3; attempt++) {
    const nowMs = clock.nowMs();
    const args = [
      mode, placeIdentity(buyer), buyer.id, nowMs, randomScore(), roomConfig.autoRate,
      randomBytes(12).toString("base64url"), roomConfig.passTtlMs, roomConfig.keyTtlS,
      client.range ?? "", client.device ?? "", roomConfig.rangeCap, roomConfig.deviceCap,
    ];
    let raw: unknown[];
    try {
      raw = (await gate.run((s) => s.run(ROOM, roomKeyList(productId), args))) as unknown[];
    } catch (err) {
      if (err instanceof RedisUnavailable) throw roomPaused();
      throw err;
    }
    const reading = parseReading(raw);
    if ((reading.state as string) !== "missing") {
      roomHint.learn(productId, reading.state !== "off" && (reading.state as string) !== "unknown");
      return reading;
    }
    await gate.ensureLoaded(productId).catch((err) => Promise.reject(err instanceof RedisUnavailable ? roomPaused() : err));
  }
  throw new Error(`stock keys of ${productId} vanished while loading`);
}

const roomPaused = () => new AppError("UNAVAILABLE", "The waiting room is paused for a moment; your place is kept", undefined, { retryAfter: 3 });

/** The buyer's view, with the pass signed for this account when the reading carries one. */
export function roomView(productId: string, buyer: RoomBuyer, r: RoomReading): RoomView {
  const nowMs = clock.nowMs();
  const pass = r.state === "admitted" ? signPass(passKey, { productId, userId: buyer.id, passId: r.passId, expiresMs: r.passExpiresMs }) : null;
  return viewOf(r, nowMs, pass);
}

const capRefusals = {
  device_full: () => new AppError("ROOM_DEVICE_CAP", "This device already took its share of places in this drop's waiting room", undefined, { cap: "device" }),
  range_full: () => new AppError("ROOM_RANGE_CAP", "Your network already took its share of places in this drop's waiting room", undefined, { cap: "range" }),
};

/**
 * Reads (or, with "enter", takes) the buyer's place. Unknown products are 404; a drop without a room says
 * "off"; an entry over a cap is 403 ROOM_DEVICE_CAP / ROOM_RANGE_CAP.
 */
export async function getRoomView(productId: string, buyer: RoomBuyer, mode: "enter" | "status", gate?: StockGate, client?: RoomClient): Promise<RoomView> {
  const r = await readRoom(productId, buyer, mode, gate, client);
  if ((r.state as string) === "unknown") throw new AppError("NOT_FOUND", "product not found");
  if (r.state === "device_full" || r.state === "range_full") throw capRefusals[r.state]();
  return roomView(productId, buyer, r);
}
