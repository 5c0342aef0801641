"use client";
// A limited drop's live panel: remaining units polled about every 2 s, the countdown and the buy button,
// all judged by the SERVER's clock. Each stock answer carries serverTime; the page keeps the offset learned
// from the most precise answer, so a client clock that is wrong by hours still unlocks the button at the
// real opening — and it unlocks on its own at zero, with no reload.
// A drop's whole crowd runs this page, so the polls follow lib/stock/poll.ts: jittered, slower while the
// opening is far, backing off after failures (and honouring Retry-After), and stopping once the drop is
// sold out or over.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { AlertToggle } from "@/components/alerts/alert-toggle";
import { RestockAlerts } from "@/components/alerts/restock-alerts";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { betterSample, sampleOffsetAged, serverNow, type ClockSample } from "@/lib/catalog/server-clock";
import { computeSaleState, msUntil } from "@/lib/catalog/state";
import type { ProductView } from "@/lib/catalog/types";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { nextPollDelay, parseRetryAfter, type PollOutcome, type PollState } from "@/lib/stock/poll";
import { SaleBadges } from "../product/sale-badge";
import { axisName, VariantPicker } from "../product/variant-picker";
import { BuyButton } from "./buy-button";
import { Countdown } from "./countdown";
import { WaitingRoom } from "./waiting-room";

type LiveStock = { available: number; total: number; variants?: { id: string; available: number; total: number }[]; state: PollState; saleStartsAt: string | null; saleEndsAt: string | null; perBuyerLimit: number | null; serverTime: string };
type Props = { product: ProductView; renderedAt: number; t: Messages["shop"]; cartT: Messages["cart"]; alertsT: Messages["alerts"]; locale: Locale };

/** A failed poll, with what the schedule needs to know about it. */
class PollError extends Error {
  constructor(readonly status: number | null, readonly retryAfterMs: number | null) {
    super(status === null ? "stock unreachable" : `stock ${status}`);
  }
}

function outcomeOf(data: LiveStock | undefined, error: unknown): PollOutcome | null {
  if (error) return error instanceof PollError ? { ok: false, status: error.status, retryAfterMs: error.retryAfterMs } : { ok: false, status: null, retryAfterMs: null };
  if (!data) return null;
  return { ok: true, state: data.state, msUntilOpen: msUntil(data.saleStartsAt, Date.parse(data.serverTime)) };
}

export function DropPanel({ product, renderedAt, t, cartT, alertsT, locale }: Props) {
  const sample = useRef<ClockSample | null>(null);
  const [offsetSample, setOffsetSample] = useState<ClockSample | null>(null);
  const [localNow, setLocalNow] = useState<number | null>(null);

  const failures = useRef(0);
  const [variantId, setVariantId] = useState<string | null>(null);

  const stock = useQuery({
    queryKey: ["stock", product.id],
    queryFn: async (): Promise<LiveStock> => {
      const sent = Date.now();
      let res: Response;
      try {
        res = await fetch(`/api/products/${product.id}/stock`, { cache: "no-store" });
      } catch {
        failures.current++;
        throw new PollError(null, null);
      }
      const received = Date.now();
      if (!res.ok) {
        failures.current++;
        throw new PollError(res.status, parseRetryAfter(res.headers.get("retry-after"), received));
      }
      failures.current = 0;
      const { stock } = (await res.json()) as { stock: LiveStock };
      sample.current = betterSample(sample.current, sampleOffsetAged(sent, received, Date.parse(stock.serverTime), res.headers.get("age")));
      setOffsetSample(sample.current);
      return stock;
    },
    // The schedule below decides when to ask again: react-query's own retries would not back off for a
    // crowd nor honour Retry-After, and a refetch on focus would skip the back-off.
    retry: false,
    refetchInterval: false,
    refetchOnWindowFocus: false,
  });

  // After each answer (or failure), one timer for the next poll; none once the drop is sold out or over.
  // A page in a background tab waits until it is shown again.
  const settledAt = Math.max(stock.dataUpdatedAt, stock.errorUpdatedAt);
  const { data, error, refetch } = stock;
  useEffect(() => {
    const outcome = outcomeOf(data, error);
    if (settledAt === 0 || outcome === null) return;
    const delay = nextPollDelay(outcome, failures.current, Math.random());
    if (delay === null) return;
    const whenShown = () => {
      if (document.visibilityState === "hidden") return;
      document.removeEventListener("visibilitychange", whenShown);
      void refetch();
    };
    const id = setTimeout(() => {
      document.addEventListener("visibilitychange", whenShown);
      whenShown();
    }, delay);
    return () => {
      clearTimeout(id);
      document.removeEventListener("visibilitychange", whenShown);
    };
  }, [settledAt, data, error, refetch]);

  useEffect(() => {
    const tick = () => setLocalNow(Date.now());
    tick();
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, []);

  // Until the first answer, the server's render time stands in (identical on server and client render).
  const now = localNow === null || offsetSample === null ? renderedAt : serverNow(localNow, offsetSample);
  const live = stock.data;
  const startsAt = live ? live.saleStartsAt : product.saleStartsAt;
  const endsAt = live ? live.saleEndsAt : product.saleEndsAt;
  const remaining = live?.available ?? product.remaining;
  const total = live?.total ?? product.total;
  const limit = live?.perBuyerLimit ?? product.perBuyerLimit ?? 1;
  const state = computeSaleState({ saleStartsAt: startsAt, saleEndsAt: endsAt, remaining }, now);
  const reason = state === "open" ? null : state === "upcoming" ? t.notOpenYet : state === "sold_out" ? t.soldOutReason : t.endedReason;
  // Units per size from the same poll (docs/variants.md); the cached page's figures until the first answer.
  const hasOptions = product.variants.length > 0;
  const units: Record<string, number> = Object.fromEntries((live?.variants ?? product.variants).map((v) => [v.id, v.available]));
  const chosenLeft = variantId ? (units[variantId] ?? 0) : remaining;
  const buyReason = reason ?? (hasOptions && !variantId ? fill(t.chooseOptionFirst, { axis: axisName(product.options) }) : null);
  const maxQuantity = Math.min(limit, Math.max(1, chosenLeft));

  return (
    <section className="space-y-4 rounded-2xl border border-neutral-200 p-5" aria-label={t.badgeLimited} data-testid="drop-panel" data-state={state}>
      <SaleBadges product={product} state={state} t={t} />
      {state === "upcoming" && <Countdown msLeft={msUntil(startsAt, now)} t={t} />}
      {state === "upcoming" && (
        <AlertToggle productId={product.id} kind="OPENING" variantId={null} labels={{ ask: alertsT.openingAsk, on: alertsT.openingOn, cancel: alertsT.openingCancel }} t={alertsT} />
      )}
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <dt className="text-neutral-500">{t.remainingLabel}</dt>
        <dd className="text-right font-semibold" data-testid="remaining" aria-live="polite">
          {fill(t.remainingOf, { n: remaining, total })}
        </dd>
        <dt className="text-neutral-500">{t.limitLabel}</dt>
        <dd className="text-right">{fill(t.perBuyerLimit, { n: limit })}</dd>
        {startsAt && (
          <>
            <dt className="text-neutral-500">{t.opensLabel}</dt>
            <dd className="text-right" data-testid="opens-at">{formatDateTime(startsAt, locale)}</dd>
          </>
        )}
        {endsAt && (
          <>
            <dt className="text-neutral-500">{t.endsLabel}</dt>
            <dd className="text-right">{formatDateTime(endsAt, locale)}</dd>
          </>
        )}
      </dl>
      {stock.isError && <p role="status" className="text-sm text-amber-700">{t.liveStockError}</p>}
      {product.phoneRequired && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="phone-required-note">
          {t.phoneRequiredNote}{" "}
          <a href="/account#phone" className="font-medium underline">{t.verifyPhoneLink}</a>
        </p>
      )}
      {hasOptions && (
        <VariantPicker options={product.options} variants={product.variants} units={units} value={variantId} onChange={setVariantId} disabled={state === "sold_out" || state === "ended"} t={t} />
      )}
      <RestockAlerts productId={product.id} variants={product.variants} units={units} state={state} t={alertsT} />
      {product.waitingRoom ? (
        // Sold through its waiting room: a place, a turn, a pass — not the cart (a pass is for one order).
        <WaitingRoom productId={product.id} variantId={variantId} maxQuantity={maxQuantity} blockedReason={hasOptions && !variantId ? buyReason : null} t={t} locale={locale} />
      ) : (
        <>
          <BuyButton productId={product.id} variantId={variantId} maxQuantity={maxQuantity} disabledReason={buyReason} t={t} />
          {/* The cart takes drops too (capped by the per-buyer limit); buying still goes through the ledger. */}
          <AddToCartButton productId={product.id} variantId={variantId} disabled={state === "sold_out" || state === "ended" || (hasOptions && !variantId)} t={cartT} />
        </>
      )}
    </section>
  );
}
