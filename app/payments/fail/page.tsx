// The payment window's failUrl. A closed window leaves the order payable until its hold ends; a real
// decline (card rejected) fails the order and puts its units back on sale.
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/guards";
import { getMessages } from "@/lib/i18n/server";
import { failQuerySchema, retryableFailCodes } from "@/lib/payments/schemas";
import { failPendingOrder } from "@/lib/payments/service";

export const dynamic = "force-dynamic";

export default async function PaymentFailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = failQuerySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : { code: "UNKNOWN", orderId: undefined };
  const user = await requirePageUser(q.orderId ? `/orders/${q.orderId}` : "/");
  const retryable = retryableFailCodes.has(q.code);
  if (!retryable && q.orderId) await failPendingOrder(user.id, q.orderId, q.code);
  const t = (await getMessages()).payments;
  const declined = q.code === "REJECT_CARD_COMPANY" || q.code === "REJECT_CARD_PAYMENT";
  const message = retryable ? t.canceledByBuyer : declined ? t.declined : t.failGeneric;
  return (
    <main className="mx-auto max-w-lg space-y-6 p-6">
      <h1 className="text-2xl font-bold">{t.payTitle}</h1>
      <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-900">{message}</p>
      {q.orderId && (
        <Link href={`/orders/${q.orderId}`} className="underline">
          {retryable ? t.retry : t.viewOrder}
        </Link>
      )}
    </main>
  );
}
