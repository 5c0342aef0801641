"use client";
// The hold's live countdown. When it reaches zero the page is refreshed so the server's state shows.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function left(expiresAt: string, now: number) {
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
}

export function HoldCountdown({ expiresAt, label, endedLabel }: { expiresAt: string; label: string; endedLabel: string }) {
  const router = useRouter();
  const [seconds, setSeconds] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setSeconds(left(expiresAt, Date.now()));
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, [expiresAt]);
  useEffect(() => {
    if (seconds !== 0) return;
    // the expiry job may run a little later; re-read until the server shows the new state
    const t = setTimeout(() => router.refresh(), 3000);
    return () => clearTimeout(t);
  }, [seconds, router]);
  if (seconds === null) return null;
  if (seconds === 0) return <p role="status" className="font-medium text-red-600">{endedLabel}</p>;
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return (
    <p role="timer" aria-live="off" className="text-lg">
      {label} <span data-testid="hold-countdown" className="font-mono text-2xl font-semibold tabular-nums">{mm}:{ss}</span>
    </p>
  );
}
