// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// PostgreSQL's record of used passes (UsedRoomPass, written by the ledger statement with each order that
// used one) only matters while a pass could still be shown: after its expiry the signature check refuses it
// (PASS_EXPIRED). The hold-expiry job sweeps rows whose pass expired a while ago (lib/orders/lifecycle/jobs.ts).
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

/** Rows stay this long past their pass's expiry: instances whose clocks disagree by less still find them. */
export const USED_PASS_GRACE_MS = 5 * 60_000;

/** Deletes used-pass rows whose pass expired more than USED_PASS_GRACE_MS ago; returns how many. Idempotent. */
export async function sweepUsedPasses(now = clock.now()): Promise<number> {
  const { count } = await db.usedRoomPass.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - USED_PASS_GRACE_MS) } } });
  return count;
}
