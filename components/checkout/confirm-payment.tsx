"use client";
// The success page's island: confirms through POST /api/payments/confirm (served by the production
// server's fast path, not by rendering a page) and shows the outcome with the order's summary. Safe to
// repeat: the route answers an order that left PENDING_PAYMENT with its current state, charging nothing.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/config";
import { PaymentSummaryView, type PaymentSummaryOrder, type PaymentSummaryTexts } from "./payment-summary-view";

type Outcome = "paid" | "already" | "pending" | "failed" | "mismatch" | "unavailable" | "expired" | "declined" | "compensated" | "refunded";
type Answer = { outcome: Outcome; code?: string; order: PaymentSummaryOrder & { id: string } };
type State = { kind: "confirming" } | { kind: "done"; answer: Answer } | { kind: "busy" } | { kind: "unknown" } | { kind: "notFound" } | { kind: "needsDelivery" };
type Props = { query: { paymentKey: string; orderId: string; amount: number }; texts: PaymentSummaryTexts & { notFound: string; needsDelivery: string }; locale: Locale };

const MAX_TRIES = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function ConfirmPayment({ query, texts, locale }: Props) {
  const [state, setState] = useState<State>({ kind: "confirming" });
  const started = useRef(false);
  const router = useRouter();
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void confirm(query, setState, (url) => router.replace(url));
  }, [query, router]);

  const t = texts.payments;
  if (state.kind === "needsDelivery") {
    // Nothing was charged: the order stays payable once it has somewhere to go.
    return (
      <>
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="confirm-needs-delivery">{texts.needsDelivery}</p>
        <Link href={`/orders/${query.orderId}`} className="underline">{t.viewOrder}</Link>
      </>
    );
  }
  if (state.kind !== "done") {
    const text = { confirming: t.confirmingNow, busy: t.busy, unknown: t.confirming, notFound: texts.notFound }[state.kind];
    return <p role="status" className="rounded-lg bg-gray-50 p-3">{text}</p>;
  }
  const { outcome, order } = state.answer;
  const message: Record<Outcome, string> = {
    paid: t.paid, already: order.status === "PAID" ? t.paid : texts.statuses[order.status], pending: t.confirming,
    failed: t.failed, mismatch: t.mismatch, unavailable: t.unavailable, expired: t.expired,
    declined: t.declinedRetry, compensated: t.failGeneric, refunded: texts.statuses[order.status],
  };
  return (
    <>
      <p role="status" className="rounded-lg bg-gray-50 p-3">{message[outcome]}</p>
      <PaymentSummaryView order={order} texts={texts} locale={locale} />
      <Link href={`/orders/${order.id}`} className="underline">{t.viewOrder}</Link>
    </>
  );
}

/**
 * POSTs the confirm; asks again (same body, nothing charged twice) while the shop is too busy to start
 * (503: nothing was sent to Toss) or Toss's answer is not known yet, a few times with growing waits.
 */
async function confirm(query: Props["query"], setState: (s: State) => void, go: (url: string) => void) {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch("/api/payments/confirm", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(query) });
    } catch {
      res = new Response(null, { status: 599 });
    }
    const last = attempt >= MAX_TRIES;
    if (res.status === 401) {
      const back = `/payments/success?${new URLSearchParams({ paymentKey: query.paymentKey, orderId: query.orderId, amount: String(query.amount) })}`;
      go(`/signin?callbackUrl=${encodeURIComponent(back)}`);
      return;
    }
    if (res.status === 409) {
      const code = ((await res.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code;
      return setState({ kind: code === "DELIVERY_REQUIRED" ? "needsDelivery" : "notFound" });
    }
    if (res.status === 404 || res.status === 422) return setState({ kind: "notFound" });
    if (res.ok) {
      const answer = (await res.json()) as Answer;
      // A decline leaves the order payable until its hold ends: the fail page offers another card.
      if (answer.outcome === "declined" && answer.order.status === "PENDING_PAYMENT") {
        go(`/payments/fail?${new URLSearchParams({ code: answer.code ?? "REJECT_CARD_PAYMENT", orderId: query.orderId })}`);
        return;
      }
      setState({ kind: "done", answer });
      if (answer.order.status !== "CONFIRMING" || last) return;
    } else if (last) {
      return setState({ kind: res.status === 503 ? "busy" : "unknown" });
    }
    const retryAfter = Number(res.headers.get("retry-after"));
    await sleep(retryAfter > 0 ? retryAfter * 1000 : 500 * 2 ** attempt);
  }
}
