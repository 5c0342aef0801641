// Formatting shared by server and client: prices are integer won, shown as ₩ with ko-KR grouping.
import type { Locale } from "./config";

const won = new Intl.NumberFormat("ko-KR");

export function formatPrice(amount: number): string {
  return `₩${won.format(amount)}`;
}

export function formatDateTime(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Seoul",
  }).format(new Date(date));
}
