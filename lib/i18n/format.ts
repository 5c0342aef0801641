// The shop's one formatter for money, dates, times and durations, shared by server and client. Everything is
// composed from explicit parts (no Intl/ICU output): Node and the browser may carry different ICU data (a
// server without Korean data printed "AM 2:41" where the browser printed "오전 2:41" — a hydration error), so
// the strings here are the same on both sides whatever the runtime has. Times are always Korean time.
import type { Locale } from "./config";

const KST_OFFSET_MS = 9 * 3600 * 1000; // Korea keeps no daylight saving time
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** Integer won with thousands separators: ₩1,234,500. */
export function formatPrice(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  return `${sign}₩${String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

/** The wall-clock parts of an instant in Asia/Seoul. */
export function kstParts(date: Date | string | number) {
  const d = new Date(new Date(date).getTime() + KST_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

function clock(p: ReturnType<typeof kstParts>, locale: Locale, seconds: boolean): string {
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const hm = `${h12}:${two(p.minute)}${seconds ? `:${two(p.second)}` : ""}`;
  return locale === "ko" ? `${p.hour < 12 ? "오전" : "오후"} ${hm}` : `${hm} ${p.hour < 12 ? "AM" : "PM"}`;
}

/** A date and time in Korean time: "2026. 11. 30. 오후 2:41" / "Nov 30, 2026, 2:41 PM". */
export function formatDateTime(date: Date | string | number, locale: Locale): string {
  const p = kstParts(date);
  const day = locale === "ko" ? `${p.year}. ${p.month}. ${p.day}.` : `${MONTHS_EN[p.month - 1]} ${p.day}, ${p.year},`;
  return `${day} ${clock(p, locale, false)}`;
}

/** A time of day in Korean time: "오후 2:41:05" / "2:41:05 PM" (seconds on request). */
export function formatTime(date: Date | string | number, locale: Locale, opts: { seconds?: boolean } = {}): string {
  return clock(kstParts(date), locale, opts.seconds ?? false);
}

/** A short duration: "12.3초" / "12.3s" under a minute, "9분 0초" / "9m 0s" above, "2시간 5분" / "2h 5m" above an hour. */
export function formatDuration(ms: number, locale: Locale): string {
  const u = locale === "ko" ? { h: "시간", m: "분", s: "초" } : { h: "h", m: "m", s: "s" };
  if (ms < 60_000) return `${(Math.max(0, ms) / 1000).toFixed(1)}${u.s}`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}${u.h} ${m}${u.m}` : `${m}${u.m} ${s}${u.s}`;
}
