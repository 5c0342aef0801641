import "server-only";
// Fleet flags on a drop's orders, for the seller (and admins) to judge before the orders are paid:
// accounts created shortly before the opening (FLAG_NEW_ACCOUNT_MINUTES), and address ranges (IPv4 /24,
// IPv6 /48, recorded on the order as it is placed) from which FLAG_RANGE_ACCOUNTS or more accounts ordered
// the drop. Flags are computed when the seller looks (no write on the buy path), and an unpaid flagged
// order can be excluded: cancelled through the lifecycle's own guarded transition, which returns its units
// to PostgreSQL and then Redis exactly once.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { moveOrder } from "@/lib/orders/lifecycle/holds";
import { ownedProductOrThrow, type SellerScope } from "./scope";

export type OrderFlag = "new_account" | "shared_range";
export type FlaggedOrder = {
  id: string; status: OrderStatus; amount: number; units: number; createdAt: string;
  userId: string; accountCreatedAt: string; clientNet: string | null; rangeAccounts: number;
  phoneVerified: boolean; flags: OrderFlag[]; excludable: boolean;
};
export type DropFlags = {
  productId: string; opensAt: string | null;
  thresholds: { newAccountMinutes: number; rangeAccounts: number };
  orders: FlaggedOrder[];
  flagged: number;
};

/** The flag rules, pure: `opensAt` the drop's opening (null: no account is "new" for it). */
export function flagsOf(
  o: { accountCreatedAt: Date; clientNet: string | null },
  ctx: { opensAt: Date | null; accountsPerRange: Map<string, number>; newAccountMinutes: number; rangeAccounts: number },
): OrderFlag[] {
  const flags: OrderFlag[] = [];
  if (ctx.opensAt && o.accountCreatedAt.getTime() >= ctx.opensAt.getTime() - ctx.newAccountMinutes * 60_000) flags.push("new_account");
  if (o.clientNet && (ctx.accountsPerRange.get(o.clientNet) ?? 0) >= ctx.rangeAccounts) flags.push("shared_range");
  return flags;
}

/** Only an order still waiting for payment can be excluded: a payment under way or made is the buyer's. */
const excludableStatus = (s: OrderStatus) => s === "PENDING_PAYMENT";

export async function getDropFlags(scope: SellerScope, productId: string, limit = 500): Promise<DropFlags> {
  const product = await ownedProductOrThrow(scope, productId);
  const rows = await db.order.findMany({
    where: { items: { some: { productId } } },
    select: {
      id: true, status: true, amount: true, createdAt: true, clientNet: true, phoneHash: true, userId: true,
      user: { select: { createdAt: true } },
      items: { where: { productId }, select: { quantity: true } },
    },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const accounts = new Map<string, Set<string>>();
  for (const r of rows) if (r.clientNet) (accounts.get(r.clientNet) ?? accounts.set(r.clientNet, new Set()).get(r.clientNet)!).add(r.userId);
  const ctx = {
    opensAt: product.saleStartsAt, newAccountMinutes: env.FLAG_NEW_ACCOUNT_MINUTES, rangeAccounts: env.FLAG_RANGE_ACCOUNTS,
    accountsPerRange: new Map([...accounts].map(([net, users]) => [net, users.size])),
  };
  const orders = rows.map((r): FlaggedOrder => {
    const flags = flagsOf({ accountCreatedAt: r.user.createdAt, clientNet: r.clientNet }, ctx);
    return {
      id: r.id, status: r.status, amount: r.amount, units: r.items.reduce((s, i) => s + i.quantity, 0), createdAt: r.createdAt.toISOString(),
      userId: r.userId, accountCreatedAt: r.user.createdAt.toISOString(), clientNet: r.clientNet,
      rangeAccounts: r.clientNet ? ctx.accountsPerRange.get(r.clientNet) ?? 0 : 0,
      phoneVerified: r.phoneHash !== null, flags, excludable: flags.length > 0 && excludableStatus(r.status),
    };
  });
  return {
    productId, opensAt: product.saleStartsAt?.toISOString() ?? null,
    thresholds: { newAccountMinutes: ctx.newAccountMinutes, rangeAccounts: ctx.rangeAccounts },
    orders, flagged: orders.filter((o) => o.flags.length).length,
  };
}

/**
 * Cancels flagged unpaid orders of the drop: the ones named, or every excludable one. Each is the guarded
 * PENDING_PAYMENT → CANCELLED transition (units back once; an order paid meanwhile is left alone). The
 * whole order is cancelled, with a timeline note naming the flags.
 */
export async function excludeFlaggedOrders(scope: SellerScope, productId: string, orderIds?: string[]): Promise<{ excluded: string[]; skipped: string[] }> {
  const { orders } = await getDropFlags(scope, productId, 10_000);
  const byId = new Map(orders.map((o) => [o.id, o]));
  const wanted = orderIds ?? orders.filter((o) => o.excludable).map((o) => o.id);
  const unknown = wanted.filter((id) => !byId.has(id));
  if (unknown.length) {
    throw new AppError("VALIDATION", "Invalid input", Object.fromEntries(wanted.flatMap((id, i) => (byId.has(id) ? [] : [[`orderIds.${i}`, ["not_in_drop"]]]))));
  }
  const excluded: string[] = [];
  const skipped: string[] = [];
  for (const id of wanted) {
    const o = byId.get(id)!;
    const ok = o.excludable && (await moveOrder(id, "PENDING_PAYMENT", "CANCELLED", `excluded by the seller at ${clock.now().toISOString()}: ${o.flags.join(", ")}`));
    (ok ? excluded : skipped).push(id);
  }
  return { excluded, skipped };
}
