// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// What the seller's writes tell the alerts, inside their own transactions (lib/seller): the outbox event
// exists if and only if the change committed, and the worker does the rest (lib/alerts/jobs.ts).
import type { Tx } from "@/lib/db";
import { writeOutbox } from "@/lib/jobs/outbox";
import { OPENING_SET_QUEUE, RESTOCKED_QUEUE } from "./queues";

/** A drop's opening was set or moved: its T-10 job is scheduled (a moved drop's old job then sends nothing). */
export async function openingSet(tx: Tx, productId: string, opensAt: Date | null): Promise<void> {
  if (opensAt) await writeOutbox(tx, OPENING_SET_QUEUE, { productId, opensAt: opensAt.toISOString() });
}

/** Units available before and after a change, of one size (`variantId`) or of the whole product. */
export type UnitsChange = { before: number; after: number };
export type SizeUnitsChange = UnitsChange & { variantId: string };

const cameBack = (c: UnitsChange) => c.before <= 0 && c.after > 0;

/**
 * Units were added: a size that was sold out and is not now wakes the alerts waiting for that size; a
 * product that was sold out as a whole wakes its product-wide alerts. Written only when an alert waits.
 */
export async function unitsAdded(tx: Tx, productId: string, sizes: readonly SizeUnitsChange[], product: UnitsChange): Promise<void> {
  const back = sizes.filter(cameBack).map((c) => c.variantId);
  const whole = cameBack(product);
  if (!back.length && !whole) return;
  const waiting = await tx.alertSubscription.findMany({
    where: { productId, kind: "RESTOCK", sentAt: null, cancelledAt: null, OR: [{ variantId: { in: back } }, ...(whole ? [{ variantId: null }] : [])] },
    distinct: ["variantId"],
    select: { variantId: true },
  });
  for (const w of waiting) await writeOutbox(tx, RESTOCKED_QUEUE, { productId, variantId: w.variantId });
}
