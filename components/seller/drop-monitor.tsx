"use client";
// The live drop monitor: polls the monitor endpoint every second through TanStack Query and redraws the
// figures and the last minute's chart in place (no reloads).
import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/i18n/config";
import { formatDuration, formatTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { DropMonitor as Monitor } from "@/lib/seller/monitor";


function Stat({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm">
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="mt-1 text-2xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/** The waiting room's queue, rate and pass use (lib/waiting-room/monitor.ts). */
function RoomStats({ room, t }: { room: Monitor["room"]; t: Messages["seller"]["monitor"] }) {
  if (room === null) return <p className="text-sm text-zinc-500" data-testid="monitor-room-off">{t.roomOff}</p>;
  if (room === "unavailable") return <p role="status" className="text-sm text-amber-700">{t.roomUnavailable}</p>;
  return (
    <section className="space-y-2" aria-label={t.room} data-testid="monitor-room">
      <h2 className="text-sm font-semibold">{t.room}</h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t.roomQueued} value={room.queued} testId="monitor-room-queued" />
        <Stat label={t.roomWaiting} value={room.waiting} testId="monitor-room-waiting" />
        <Stat label={t.roomRate} value={`${room.rate}${room.auto ? ` (${t.roomAuto})` : ""}`} testId="monitor-room-rate" />
        <Stat label={t.roomPasses} value={`${room.passesIssued} / ${room.passesUsed} / ${room.passesLost}`} testId="monitor-room-passes" />
      </div>
    </section>
  );
}

/** Left / held / sold per size (lib/seller/monitor-variants.ts); nothing for a product without options. */
function VariantStats({ variants, t }: { variants: Monitor["variants"]; t: Messages["seller"]["monitor"] }) {
  if (!variants.length) return null;
  return (
    <section className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="monitor-variants-title">
      <h2 id="monitor-variants-title" className="mb-2 text-sm font-semibold">{t.perVariant}</h2>
      <table className="w-full text-sm tabular-nums" data-testid="monitor-variants">
        <thead>
          <tr className="text-left text-zinc-500"><th scope="col">{t.variant}</th><th scope="col">SKU</th><th scope="col" className="text-right">{t.remaining}</th><th scope="col" className="text-right">{t.holds}</th><th scope="col" className="text-right">{t.sold}</th></tr>
        </thead>
        <tbody>
          {variants.map((v) => (
            <tr key={v.id} data-testid="monitor-variant" data-sku={v.sku} className={v.remaining === 0 ? "text-zinc-400" : ""}>
              <th scope="row" className="text-left font-medium">{v.label}</th>
              <td>{v.sku}</td>
              <td className="text-right" data-testid="monitor-variant-remaining">{`${v.remaining} / ${v.total}`}</td>
              <td className="text-right">{v.held}</td>
              <td className="text-right">{v.sold}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DropMonitor({ url, initial, t, locale }: { url: string; initial: Monitor; t: Messages["seller"]["monitor"]; locale: Locale }) {
  const duration = (ms: number | null) => (ms === null ? null : formatDuration(ms, locale));
  const { data, isError } = useQuery({
    queryKey: ["drop-monitor", url],
    queryFn: async () => {
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok) throw new Error(`monitor ${res.status}`);
      return ((await res.json()) as { monitor: Monitor }).monitor;
    },
    initialData: initial,
    refetchInterval: 1000,
    refetchIntervalInBackground: true,
  });
  const m = data;
  return (
    <div className="space-y-4">
      <p className="flex items-center gap-2 text-sm" data-testid="monitor-status">
        <span className={`inline-block h-2 w-2 rounded-full ${isError ? "bg-zinc-400" : "animate-pulse bg-green-500"}`} />
        {isError ? t.paused : t.live} · {t.state}: <strong data-testid="monitor-state">{t.states[m.state as keyof typeof t.states] ?? m.state}</strong> ·{" "}
        {t.updated} <time dateTime={new Date(m.at).toISOString()}>{formatTime(m.at, locale, { seconds: true })}</time>
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t.remaining} value={`${m.remaining} / ${m.total}`} testId="monitor-remaining" />
        <Stat label={t.holds} value={m.held} testId="monitor-held" />
        <Stat label={t.sold} value={m.sold} testId="monitor-sold" />
        <Stat label={t.conversion} value={m.conversion === null ? "—" : `${Math.round(m.conversion * 100)}%`} testId="monitor-conversion" />
        <Stat label={t.admissions} value={m.admissionsPerSecond.toFixed(1)} testId="monitor-admissions" />
        <Stat label={t.paidPerSecond} value={m.paidPerSecond.toFixed(1)} testId="monitor-paid" />
        <Stat label={t.soldOutAfter} value={duration(m.soldOutAfterMs) ?? t.notSoldOut} testId="monitor-soldout" />
        <Stat label={t.eta} value={duration(m.etaMs) ?? "—"} testId="monitor-eta" />
      </div>
      <VariantStats variants={m.variants} t={t} />
      <RoomStats room={m.room} t={t} />
      <section className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 text-sm font-semibold">{t.chart}</h2>
        <div className="h-48">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={m.series}>
              <XAxis dataKey="t" tick={{ fontSize: 10 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 10 }} width={30} />
              <Tooltip />
              <Bar dataKey="admitted" name={t.admissions} fill="#f0442c" isAnimationActive={false} />
              <Bar dataKey="paid" name={t.paidPerSecond} fill="#18181b" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </section>
    </div>
  );
}
