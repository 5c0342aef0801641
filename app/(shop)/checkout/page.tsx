import type { Metadata } from "next";
import { z } from "zod";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { OrderLines } from "@/components/orders/order-lines";
import { listAddresses } from "@/lib/addresses/queries";
import { requirePageUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getPageCartOwner } from "@/lib/cart/viewer";
import { getCheckoutSummary, type SummaryRequest } from "@/lib/orders/checkout-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).orders.checkoutTitle };
}

const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const querySchema = z.object({
  source: z.enum(["cart", "wishlist", "buy-now"]).catch("cart"),
  productId: z.preprocess(list, z.array(z.uuid()).max(20)).catch([]),
  variantId: z.uuid().optional().catch(undefined),
  quantity: z.coerce.number().int().min(1).max(100).catch(1),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function summaryRequest(q: z.infer<typeof querySchema>): SummaryRequest | null {
  if (q.source === "cart") return { source: "cart" };
  if (q.productId.length === 0) return null;
  if (q.source === "wishlist") return { source: "wishlist", productIds: q.productId };
  return { source: "buy-now", productId: q.productId[0], variantId: q.variantId, quantity: q.quantity };
}

export default async function CheckoutPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const query = querySchema.parse(raw);
  const here = `/checkout?${new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => list(v).map((x) => [k, String(x)])))}`;
  const user = await requirePageUser(here);
  const [messages, locale, saved] = await Promise.all([getMessages(), getLocale(), listAddresses(user.id)]);
  const t = messages.orders;
  // A guest cart still behind a cookie is merged first (as on the cart page), so checkout sees it.
  if (query.source === "cart") await getPageCartOwner();
  const req = summaryRequest(query);
  const summary = req ? await getCheckoutSummary(user.id, req) : { lines: [], amount: 0, address: null };
  const orderable = summary.lines.filter((l) => l.purchasable);
  return (
    <main className="mx-auto grid max-w-5xl gap-8 px-4 py-8 md:grid-cols-[1fr_22rem]">
      <section>
        <h1 className="mb-6 text-2xl font-bold">{t.checkoutTitle}</h1>
        {summary.lines.length === 0 ? (
          <p className="py-16 text-center text-neutral-600">{t.checkoutEmpty}</p>
        ) : (
          <OrderLines lines={summary.lines} t={t} locale={locale} />
        )}
      </section>
      <aside className="h-fit space-y-4 rounded-lg border border-neutral-200 p-5" aria-label={t.checkoutSummary}>
        <h2 className="font-semibold">{t.checkoutSummary}</h2>
        <div className="flex justify-between text-lg font-bold">
          <span>{t.checkoutTotal}</span>
          <span data-testid="checkout-total" className="tabular-nums">
            {formatPrice(summary.amount)}
          </span>
        </div>
        <p className="text-sm text-neutral-500">{fill(t.checkoutHoldNote, { minutes: Math.round(env.ORDER_HOLD_SECONDS / 60) })}</p>
        <CheckoutForm
          source={query.source}
          lines={orderable.map((l) => ({ key: l.key, productId: l.productId, variantId: l.variantId, quantity: l.quantity }))}
          amount={summary.amount}
          saved={saved}
          returnTo={here}
          t={t}
          ta={messages.address}
        />
      </aside>
    </main>
  );
}
