// The sale state of a product at a moment. Pure, so the server (stock view) and the browser (countdown
// against the server's clock) compute it the same way.
import type { SaleState } from "./schemas";

export type SaleWindow = {
  saleStartsAt: Date | string | null;
  saleEndsAt: Date | string | null;
  remaining: number;
};

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/** Ended wins over everything (an ended drop is "ended", not "sold out"); then upcoming; then stock. */
export function computeSaleState(w: SaleWindow, nowMs: number): SaleState {
  const starts = ms(w.saleStartsAt);
  const ends = ms(w.saleEndsAt);
  if (ends !== null && nowMs >= ends) return "ended";
  if (starts !== null && nowMs < starts) return "upcoming";
  if (w.remaining <= 0) return "sold_out";
  return "open";
}

/** Milliseconds until the sale opens by the given clock, never negative. */
export function msUntil(at: Date | string | null, nowMs: number): number {
  const t = ms(at);
  return t === null ? 0 : Math.max(0, t - nowMs);
}

/** Splits a duration for display: days, hours, minutes, seconds (rounded up to the next second). */
export function splitDuration(durationMs: number) {
  const total = Math.ceil(Math.max(0, durationMs) / 1000);
  return { days: Math.floor(total / 86400), hours: Math.floor((total % 86400) / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60, total };
}
