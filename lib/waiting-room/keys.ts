// Redis keys of a drop's waiting room. They carry the product's hash tag (lib/stock/keys.ts), so the room's
// script reads the stock (units left, sale window, the room's settings in the meta hash) atomically and the
// buy path's admission script marks a pass used in the same slot: one Redis Cluster slot per drop.
import { productTag, stockKeys } from "@/lib/stock/keys";

export const roomKeys = {
  /** The stock's meta hash: a, s, e, x and the room's settings w, wr, wq, wn, wd. */
  meta: (productId: string) => stockKeys.meta(productId),
  /** Sorted set: identity → place. Pre-queue places are random scores in [0, 1); later ones 1, 2, 3… (FIFO). */
  queue: (productId: string) => `${productTag(productId)}:wz`,
  /** Hash: seq (places given after the opening), adm (let through so far, fractional), at (ms of the last advance), issued, lost. */
  state: (productId: string) => `${productTag(productId)}:wh`,
  /** Hash: identity → "passId|expiresMs|userId[|L]" — the pass issued for that place (L = expired unused, counted once). */
  passes: (productId: string) => `${productTag(productId)}:wi`,
  /** Hash: passId → userId, the passes an admission used up (written by the stock scripts). */
  used: (productId: string) => stockKeys.passesUsed(productId),
  /** Hash: client address range → places it took (the range cap, meta wn). */
  ranges: (productId: string) => `${productTag(productId)}:wan`,
  /** Hash: device id (the room's device cookie) → places it took (the device cap, meta wd). */
  devices: (productId: string) => `${productTag(productId)}:wdv`,
};

export const roomKeyList = (productId: string) => [
  roomKeys.meta(productId), roomKeys.queue(productId), roomKeys.state(productId), roomKeys.passes(productId), roomKeys.used(productId),
  roomKeys.ranges(productId), roomKeys.devices(productId),
];
