"use client";
// "opens in 12 min" on a catalog card when a drop is close (within the hour). The catalog page is cached and
// the same for everyone, so the countdown is the browser's: it renders nothing until mounted (no hydration
// mismatch) and ticks once a second. The product page counts by the server's clock; this is only a hint.
import { useEffect, useState } from "react";
import { coarseTimeLeft } from "@/components/flash-sale/countdown";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

const SOON_MS = 3_600_000;

export function OpensSoon({ at, t }: { at: string; t: Messages["shop"] }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, []);
  if (now === null) return null;
  const left = Date.parse(at) - now;
  if (left <= 0 || left > SOON_MS) return null;
  return (
    <span className="font-semibold text-brand-700" data-testid="card-opens-soon">
      {" · "}
      {fill(t.opensInShort, { time: coarseTimeLeft(left, t) })}
    </span>
  );
}
