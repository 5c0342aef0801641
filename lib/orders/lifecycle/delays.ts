// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// How long the worker waits before a time-based step, per order. The steps are fallbacks for a seller who
// does not act (docs/fulfilment.md): each shop may set its own delay or turn a step off (Seller.auto*);
// an order whose lines are all one shop's follows that shop, any other order the deployment default.
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

export type DelayedStep = "ship" | "deliver" | "completeReturn";

export const defaultDelaySeconds: Record<DelayedStep, () => number> = {
  ship: () => env.ORDER_SHIP_DELAY_SECONDS,
  deliver: () => env.ORDER_DELIVER_DELAY_SECONDS,
  completeReturn: () => env.ORDER_RETURN_COMPLETE_SECONDS,
};

/** The shop's column per step; fixed names, so Prisma.raw never sees outside text. */
const column = { ship: "autoShipSeconds", deliver: "autoDeliverSeconds", completeReturn: "autoCompleteReturnSeconds" } as const;

/** SQL: the shop's own setting for the order `o` (NULL when it has none or the order is several shops'). */
export const shopDelaySql = (step: DelayedStep) => Prisma.sql`(
  SELECT CASE WHEN count(DISTINCT i."sellerId") = 1 THEN max(s.${Prisma.raw(`"${column[step]}"`)}) END
  FROM "OrderItem" i JOIN "Seller" s ON s.id = i."sellerId" WHERE i."orderId" = o.id)`;

/** Seconds to wait before the step, or null when the order's shop has turned the step off. */
export async function stepDelaySeconds(client: Tx | typeof db, orderId: string, step: DelayedStep): Promise<number | null> {
  const [row] = await client.$queryRaw<{ own: number | null }[]>`SELECT ${shopDelaySql(step)} AS own FROM "Order" o WHERE o.id = ${orderId}`;
  const own = row?.own ?? null;
  if (own === 0) return null;
  return own ?? defaultDelaySeconds[step]();
}
