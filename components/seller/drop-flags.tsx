"use client";
// A drop's orders with their fleet flags, and the seller's way to exclude flagged unpaid orders (one, or
// all at once) before they are paid. Excluding cancels the order through the lifecycle's guarded cancel.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { DropFlags, FlaggedOrder } from "@/lib/seller/flags";
import { api } from "./api";

type Props = { initial: DropFlags; excludeUrl: string; t: Messages["seller"]; locale: Locale };

export function DropFlagsView({ initial, excludeUrl, t, locale }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const f = t.flags;

  async function exclude(orderIds?: string[]) {
    setBusy(true);
    const res = await api<{ excluded: string[] }>(excludeUrl, { body: orderIds ? { orderIds } : {} });
    setBusy(false);
    setNote(res.ok ? fill(f.excluded, { n: res.data.excluded.length }) : t.errors.generic);
    router.refresh();
  }

  const columns: Column<FlaggedOrder>[] = [
    { key: "id", header: f.order, cell: (o) => <span className="font-mono text-xs">{o.id}</span> },
    { key: "status", header: f.status, cell: (o) => t.orderStatuses[o.status as keyof typeof t.orderStatuses] ?? o.status },
    { key: "units", header: f.units, align: "right", cell: (o) => o.units },
    { key: "account", header: f.account, cell: (o) => formatDateTime(o.accountCreatedAt, locale) },
    { key: "range", header: f.range, cell: (o) => <span className="font-mono text-xs">{o.clientNet ?? "—"}</span> },
    { key: "accounts", header: f.accounts, align: "right", cell: (o) => (o.clientNet ? o.rangeAccounts : "—") },
    { key: "phone", header: f.phone, cell: (o) => (o.phoneVerified ? f.yes : f.no) },
    {
      key: "flags", header: f.flags,
      cell: (o) => (
        <span className="flex flex-wrap gap-1" data-testid="order-flags">
          {o.flags.map((r) => <span key={r} className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800">{f.reasons[r]}</span>)}
        </span>
      ),
    },
    {
      key: "exclude", header: "",
      cell: (o) => o.excludable && (
        <button type="button" disabled={busy} onClick={() => exclude([o.id])} className="rounded border border-red-200 px-2 py-1 text-xs text-red-700 disabled:opacity-50">{f.exclude}</button>
      ),
    },
  ];
  const excludable = initial.orders.filter((o) => o.excludable).length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600">{fill(f.intro, { minutes: initial.thresholds.newAccountMinutes, accounts: initial.thresholds.rangeAccounts })}</p>
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm font-medium" data-testid="flagged-count">{fill(f.flagged, { n: initial.flagged })}</span>
        {excludable > 0 && (
          <button type="button" disabled={busy} onClick={() => exclude()} className="rounded-lg bg-red-600 px-3 py-2 text-sm font-medium text-white disabled:opacity-50" data-testid="exclude-all">
            {f.excludeAll} ({excludable})
          </button>
        )}
        {note && <span role="status" className="text-sm text-green-700">{note}</span>}
      </div>
      {initial.orders.length === 0 ? <p className="text-sm text-zinc-500">{f.none}</p> : <DataTable columns={columns} rows={initial.orders} rowKey={(o) => o.id} rowTestId="drop-order" />}
    </div>
  );
}
