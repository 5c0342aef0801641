// The order as the payment panel shows it (order, payment, refunds), from one row of SQL. Shared by the
// read (queries.ts getOrderPayment) and the confirm's PAID statement (record.ts markPaidFast), which
// answers the same view; no "server-only" marker, as the worker runs record.ts under plain tsx.
import { Prisma, type OrderStatus, type RefundKind, type RefundStatus } from "@/lib/generated/prisma/client";
import { primaryRefund } from "./refund-view";

type Refund = { status: RefundStatus; amount: number; reason: string; kind: RefundKind; createdAt: Date; completedAt: Date | null };
export type OrderPaymentRow = {
  id: string; status: OrderStatus; amount: number; orderName: string; holdExpiresAt: Date | null;
  p_status: string | null; p_method: string | null; p_amount: number | null; p_approvedAt: Date | null; p_failureCode: string | null;
  refunds: { status: RefundStatus; amount: number; reason: string; kind: RefundKind; createdAt: string; completedAt: string | null }[];
};
/** A timestamp(3) column as JSON text, in the ISO form a Date prints (the columns hold UTC). */
const iso = (col: string) => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The refunds of the order whose id is `orderIdSql`, newest first, as one JSON array (never null). */
export const refundsJson = (orderIdSql: string) => Prisma.raw(`COALESCE((SELECT json_agg(json_build_object('status', r.status, 'amount', r.amount, 'reason', r.reason, 'kind', r.kind,
                                                      'createdAt', ${iso('r."createdAt"')}, 'completedAt', ${iso('r."completedAt"')})
                                     ORDER BY r."createdAt" DESC)
                     FROM "Refund" r WHERE r."orderId" = ${orderIdSql}), '[]'::json)`);

/** A row with the columns getOrderPayment selects, as the view. */
export function orderPaymentView(r: OrderPaymentRow) {
  const refunds: Refund[] = r.refunds.map((x) => ({ ...x, createdAt: new Date(x.createdAt), completedAt: x.completedAt === null ? null : new Date(x.completedAt) }));
  const payment = r.p_status === null ? null : { status: r.p_status, method: r.p_method, amount: Number(r.p_amount), approvedAt: r.p_approvedAt, failureCode: r.p_failureCode };
  const order = { id: r.id, status: r.status, amount: Number(r.amount), orderName: r.orderName, holdExpiresAt: r.holdExpiresAt, payment, refunds };
  return { ...order, refund: primaryRefund(order.refunds) };
}
export type OrderPaymentView = ReturnType<typeof orderPaymentView>;
