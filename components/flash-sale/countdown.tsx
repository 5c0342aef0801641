// The time left until the opening, by the server's clock (the caller passes milliseconds left). The ticking
// clock is hidden from screen readers (a reading every second is noise); a polite live region says the time
// left in whole minutes, so it speaks about once a minute and not at all while nothing changes.
import { splitDuration } from "@/lib/catalog/state";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

const two = (n: number) => String(n).padStart(2, "0");

/** Coarse words for the time left: days and hours, hours and minutes, minutes, or "under a minute". */
export function coarseTimeLeft(msLeft: number, t: Messages["shop"]): string {
  const d = splitDuration(msLeft);
  if (d.days > 0) return fill(t.durationDays, { d: d.days, h: d.hours });
  if (d.hours > 0) return fill(t.durationHours, { h: d.hours, m: d.minutes });
  // Whole minutes, rounded up, so the words never promise less time than the clock shows.
  if (d.total >= 60) return fill(t.durationMinutes, { m: Math.ceil(d.total / 60) });
  return t.countdownUnderMinute;
}

export function Countdown({ msLeft, t }: { msLeft: number; t: Messages["shop"] }) {
  const d = splitDuration(msLeft);
  const clock = `${two(d.hours)}:${two(d.minutes)}:${two(d.seconds)}`;
  return (
    <div className="rounded-xl bg-neutral-900 p-4 text-white">
      <p className="text-sm text-neutral-300">{t.opensIn}</p>
      <p role="timer" aria-label={t.countdownLabel} aria-live="off" className="font-mono text-4xl font-bold tabular-nums" data-testid="countdown">
        <span aria-hidden>
          {d.days > 0 && <span className="mr-2">{fill(t.days, { n: d.days })}</span>}
          {clock}
        </span>
      </p>
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="countdown-announce">
        {fill(t.countdownAnnounce, { time: coarseTimeLeft(msLeft, t) })}
      </p>
    </div>
  );
}
