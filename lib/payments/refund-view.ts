// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// An order may have several refunds (its sale's, and compensations of other payments Toss charged for it);
// pages show one: the refund of the order's sale when there is one, else the latest.
export const refundsSelect = {
  select: { status: true, amount: true, reason: true, kind: true, createdAt: true, completedAt: true },
  orderBy: { createdAt: "desc" },
} as const;

export function primaryRefund<R extends { kind: string }>(refunds: R[]): R | null {
  return refunds.find((r) => r.kind !== "COMPENSATION") ?? refunds[0] ?? null;
}
