// Background upkeep of carts: guest carts whose cookie has expired can never be reached again.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { GUEST_CART_MAX_AGE_SECONDS } from "./guest-token";

export const PRUNE_GUEST_CARTS_QUEUE = "cart-prune-guest-carts";

/** Deletes guest carts older than their cookie's lifetime (lines go with them). Idempotent. */
export async function pruneGuestCarts(now = clock.now()): Promise<number> {
  const cutoff = new Date(now.getTime() - GUEST_CART_MAX_AGE_SECONDS * 1000);
  const { count } = await db.cart.deleteMany({ where: { userId: null, createdAt: { lt: cutoff } } });
  if (count) log.info({ count }, "pruned expired guest carts");
  return count;
}

export const cartJobs = [
  defineJob({ queue: PRUNE_GUEST_CARTS_QUEUE, handler: async () => void (await pruneGuestCarts()), schedule: "17 4 * * *" }),
];
