// Server code that also runs in the benchmark and tests (plain Node via tsx), hence no "server-only" marker.
// The seller's live figures of a drop's waiting room, read from Redis in one round trip of plain reads (no
// script, nothing written): queue length, let through, the rate, passes issued / used / lost.
import { clock } from "@/lib/clock";
import { RedisUnavailable, stockGate, type StockGate } from "@/lib/stock/gate";
import { roomConfig } from "./config";
import { roomKeyList } from "./keys";
import { ROOM_STATS } from "./scripts";

export type RoomMonitor = {
  on: boolean; rate: number; auto: boolean; queued: number; admitted: number; waiting: number;
  passesIssued: number; passesUsed: number; passesLost: number; preQueueMinutes: number;
} | null;

/** null while Redis is away (the monitor says so) or the drop's keys are not loaded yet. */
export async function getRoomMonitor(productId: string, gate: StockGate = stockGate()): Promise<RoomMonitor> {
  try {
    return await gate.run(async (s) => {
      const r = (await s.run(ROOM_STATS, roomKeyList(productId), [])) as (string | number | null | false)[];
      const v = r.map((x) => (x === false || x === null ? null : String(x)));
      const meta = v.slice(0, 5);
      const state = v.slice(5, 9);
      const [queued, used] = [Number(v[9]), Number(v[10])];
      if (meta[0] === null && meta[3] === null) return null;
      const configured = Number(meta[1] ?? 0);
      const rate = configured > 0 ? configured : roomConfig.autoRate;
      // The pointer as the room script would advance it now (reading must not write).
      const starts = Number(meta[3] ?? 0);
      const at = Math.max(Number(state[1] ?? 0), starts);
      const now = clock.nowMs();
      let adm = Number(state[0] ?? 0);
      if (now >= starts && Number(meta[4] ?? 0) > 0 && now > at) adm = Math.max(adm, Math.min(queued, adm + (rate * (now - at)) / 1000));
      const admitted = Math.floor(adm);
      return {
        on: meta[0] === "1", rate, auto: configured <= 0, queued, admitted, waiting: Math.max(0, queued - admitted),
        passesIssued: Number(state[2] ?? 0), passesUsed: used, passesLost: Number(state[3] ?? 0), preQueueMinutes: Math.round(Number(meta[2] ?? 0) / 60_000),
      };
    });
  } catch (err) {
    if (err instanceof RedisUnavailable) return null;
    throw err;
  }
}
