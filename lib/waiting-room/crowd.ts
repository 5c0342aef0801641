// Server code that also runs in tests (plain Node via tsx), hence no "server-only" marker.
// Placeholder places for the end-to-end journeys (lib/test-hooks only): a crowd ahead of everyone, or
// behind everyone, so a journey sees a position move and a sold-out reach people still waiting, without
// racing the random draw. Placeholders never buy; they only take places.
import { randomUUID } from "node:crypto";
import { stockGate, type StockGate } from "@/lib/stock/gate";
import { roomConfig } from "./config";
import { roomKeys } from "./keys";
import { ROOM_CROWD } from "./scripts";

export async function addPlaceholders(productId: string, where: "ahead" | "behind", n: number, gate: StockGate = stockGate()): Promise<number> {
  const keys = [roomKeys.queue(productId), roomKeys.state(productId)];
  return Number(await gate.run((s) => s.run(ROOM_CROWD, keys, [where, n, `x:${randomUUID().slice(0, 8)}:`, roomConfig.keyTtlS])));
}
