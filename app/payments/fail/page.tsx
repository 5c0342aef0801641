// The payment window's failUrl. Neither a closed window nor a declined card ends the order: it stays
// PENDING_PAYMENT with its units held, and this page offers to pay again (another card or method — a new
// payment window with the same orderId, which Toss allows until one payment of it is DONE) until the hold
// ends. Only the hold's end or the buyer's cancel releases the units.
import Link from "next/link";
import { PayButton } from "@/components/checkout/pay-button";
import { requirePageUser } from "@/lib/auth/guards";
import { getMessages } from "@/lib/i18n/server";
import { describePaymentFailure } from "@/lib/payments/failure";
import { failQuerySchema } from "@/lib/payments/schemas";

export const dynamic = "force-dynamic";

export default async function PaymentFailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = failQuerySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : { code: "UNKNOWN", orderId: undefined };
  const user = await requirePageUser(q.orderId ? `/orders/${q.orderId}` : "/");
  const t = (await getMessages()).payments;
  const { outcome, order, payable } = await describePaymentFailure(user.id, q);
  const message = outcome === "canceled" ? t.canceledByBuyer : outcome === "declined" ? (payable ? t.declinedRetry : t.declined) : t.failGeneric;
  return (
    <main className="mx-auto max-w-lg space-y-6 p-6">
      <h1 className="text-2xl font-bold">{t.payTitle}</h1>
      <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-900">{message}</p>
      {order && payable && (
        <section data-testid="pay-again">
          <PayButton order={order} />
        </section>
      )}
      {order && (
        <Link href={`/orders/${order.id}`} className="underline">
          {payable ? t.retry : t.viewOrder}
        </Link>
      )}
    </main>
  );
}
