// The payment window's successUrl: a small shell (no database, no Toss call while rendering) whose
// island confirms through POST /api/payments/confirm — the production server's fast path — and shows
// the outcome. Refreshing it never confirms twice (the route answers a confirmed order's current state).
import { notFound } from "next/navigation";
import { ConfirmPayment } from "@/components/checkout/confirm-payment";
import { requirePageUser } from "@/lib/auth/guards";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { successQuerySchema } from "@/lib/payments/schemas";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function PaymentSuccessPage({ searchParams }: { searchParams: Search }) {
  const raw = await searchParams;
  const query = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  await requirePageUser(`/payments/success?${query}`);
  const parsed = successQuerySchema.safeParse(raw);
  if (!parsed.success) notFound();
  const [messages, locale] = [await getMessages(), await getLocale()];
  const { paymentKey, orderId, amount } = parsed.data;
  const texts = { payments: messages.payments, statuses: messages.orders.status, codes: messages.codes, notFound: messages.common.notFoundTitle, needsDelivery: messages.address.confirmNeedsDelivery };
  return (
    <main className="mx-auto max-w-lg space-y-6 p-6">
      <h1 className="text-2xl font-bold">{messages.payments.payTitle}</h1>
      <ConfirmPayment query={{ paymentKey, orderId, amount }} texts={texts} locale={locale} />
    </main>
  );
}
