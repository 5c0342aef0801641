// The time left until the opening, by the server's clock (the caller passes milliseconds left).
import { splitDuration } from "@/lib/catalog/state";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

const two = (n: number) => String(n).padStart(2, "0");

export function Countdown({ msLeft, t }: { msLeft: number; t: Messages["shop"] }) {
  const d = splitDuration(msLeft);
  const clock = `${two(d.hours)}:${two(d.minutes)}:${two(d.seconds)}`;
  return (
    <div className="rounded-xl bg-neutral-900 p-4 text-white">
      <p className="text-sm text-neutral-300">{t.opensIn}</p>
      <p role="timer" aria-label={t.countdownLabel} aria-live="off" className="font-mono text-4xl font-bold tabular-nums" data-testid="countdown">
        {d.days > 0 && <span className="mr-2">{fill(t.days, { n: d.days })}</span>}
        {clock}
      </p>
    </div>
  );
}
