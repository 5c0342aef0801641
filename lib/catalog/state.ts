// Countdown helpers for the browser and the server alike. The sale state itself is a sale rule
// (lib/catalog/sale-rules.ts), re-exported here for the components that read it with the countdown.
export { computeSaleState, type SaleWindow } from "./sale-rules";

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

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
