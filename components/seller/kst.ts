// Drop times are entered and shown in Korean time (the shop's market), whatever the browser's zone, so the
// server's render and the browser's agree. <input type="datetime-local" step="1"> values, seconds included.
import { calendarDay } from "@/lib/validation";

const KST_MS = 9 * 3600 * 1000;

export const toKstInput = (iso: string | Date | null | undefined) => (iso ? new Date(new Date(iso).getTime() + KST_MS).toISOString().slice(0, 19) : "");

/**
 * An ISO instant, or the raw text when it is not a date (the server then answers invalid_date). The day is
 * checked first: `new Date` would turn 31 February into 3 March.
 */
export function fromKstInput(value: string): string | null {
  if (!value) return null;
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  const d = new Date(`${withSeconds}+09:00`);
  return calendarDay(value.slice(0, 10)) === null || Number.isNaN(d.getTime()) ? value : d.toISOString();
}
