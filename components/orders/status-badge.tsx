import { Badge } from "@/components/ui/badge";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import type { Messages } from "@/lib/i18n/messages";

const tone: Record<OrderStatus, string> = {
  PENDING_PAYMENT: "bg-amber-50 text-amber-800",
  CONFIRMING: "bg-amber-50 text-amber-800",
  PAID: "bg-emerald-50 text-emerald-800",
  SHIPPING: "bg-sky-50 text-sky-800",
  DELIVERED: "bg-emerald-50 text-emerald-800",
  RETURN_REQUESTED: "bg-violet-50 text-violet-800",
  RETURNED: "bg-neutral-100 text-neutral-700",
  EXPIRED: "bg-neutral-100 text-neutral-700",
  PAYMENT_FAILED: "bg-red-50 text-red-700",
  CANCELLED: "bg-neutral-100 text-neutral-700",
  RETURN_REFUSED: "bg-red-50 text-red-700",
};

export function StatusBadge({ status, t }: { status: OrderStatus; t: Messages["orders"] }) {
  return (
    <Badge data-testid="order-status" data-status={status} className={`text-sm font-semibold ${tone[status]}`}>
      {t.status[status]}
    </Badge>
  );
}
