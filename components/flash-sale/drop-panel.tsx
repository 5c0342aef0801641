"use client";
// A limited drop's live panel: remaining units polled every 2 s, the countdown and the buy button, all
// judged by the SERVER's clock. Each stock answer carries serverTime; the page keeps the offset learned
// from the quickest round trip, so a client clock that is wrong by hours still unlocks the button at the
// real opening — and it unlocks on its own at zero, with no reload.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import { betterSample, sampleOffset, serverNow, type ClockSample } from "@/lib/catalog/server-clock";
import { computeSaleState, msUntil } from "@/lib/catalog/state";
import type { ProductView } from "@/lib/catalog/types";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { SaleBadges } from "../product/sale-badge";
import { BuyButton } from "./buy-button";
import { Countdown } from "./countdown";

type LiveStock = { available: number; total: number; saleStartsAt: string | null; saleEndsAt: string | null; perBuyerLimit: number | null; serverTime: string };
type Props = { product: ProductView; renderedAt: number; t: Messages["shop"]; cartT: Messages["cart"]; locale: Locale };

export function DropPanel({ product, renderedAt, t, cartT, locale }: Props) {
  const sample = useRef<ClockSample | null>(null);
  const [offsetSample, setOffsetSample] = useState<ClockSample | null>(null);
  const [localNow, setLocalNow] = useState<number | null>(null);

  const stock = useQuery({
    queryKey: ["stock", product.id],
    queryFn: async (): Promise<LiveStock> => {
      const sent = Date.now();
      const res = await fetch(`/api/products/${product.id}/stock`, { cache: "no-store" });
      const received = Date.now();
      if (!res.ok) throw new Error(`stock ${res.status}`);
      const { stock } = (await res.json()) as { stock: LiveStock };
      sample.current = betterSample(sample.current, sampleOffset(sent, received, Date.parse(stock.serverTime)));
      setOffsetSample(sample.current);
      return stock;
    },
    refetchInterval: 2000,
  });

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

  return (
    <section className="space-y-4 rounded-2xl border border-neutral-200 p-5" aria-label={t.badgeLimited} data-testid="drop-panel" data-state={state}>
      <SaleBadges product={product} state={state} t={t} />
      {state === "upcoming" && <Countdown msLeft={msUntil(startsAt, now)} t={t} />}
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
      <BuyButton productId={product.id} maxQuantity={Math.min(limit, Math.max(1, remaining))} disabledReason={reason} t={t} />
      {/* The cart takes drops too (capped by the per-buyer limit); buying still goes through the ledger. */}
      <AddToCartButton productId={product.id} disabled={state === "sold_out" || state === "ended"} t={cartT} />
    </section>
  );
}
