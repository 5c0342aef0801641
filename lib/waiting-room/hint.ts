// What this process last learnt about which drops have a waiting room, for a few seconds: lets the buy path
// refuse a request that carries no pass for such a drop with no Redis command at all (a bot's flood costs one
// map look-up). Only ever a hint towards refusing: the admission script decides for real (meta w), so a stale
// hint can delay a seller's "room off" by HINT_MS, never let anyone in without a pass.
import { clock } from "@/lib/clock";

const HINT_MS = 2000;
const MAX = 10_000;

class RoomHint {
  private until = new Map<string, number>();
  constructor(private readonly now: () => number = () => clock.nowMs()) {}

  /** True while this process saw, less than HINT_MS ago, that the drop needs a pass. */
  requiresPass(productId: string): boolean {
    const t = this.until.get(productId);
    if (t === undefined) return false;
    if (t > this.now()) return true;
    this.until.delete(productId);
    return false;
  }

  learn(productId: string, requiresPass: boolean) {
    if (!requiresPass) return void this.until.delete(productId);
    if (this.until.size >= MAX && !this.until.has(productId)) this.until.clear(); // made-up ids cannot grow it
    this.until.set(productId, this.now() + HINT_MS);
  }
}

export { RoomHint };
export const roomHint = new RoomHint();
