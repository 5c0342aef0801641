import type { Metadata } from "next";
import { EventNoteText } from "@/components/orders/event-note-text";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listReconciliations } from "@/lib/admin/queries";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { listPaymentIssues } from "@/lib/payments/queries";
import { getLocale, getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.admin.reconciliation };
}

export default async function ReconciliationPage() {
  await requirePageRole("/admin/reconciliation", "ADMIN");
  const [reports, issues, messages, locale] = await Promise.all([listReconciliations(), listPaymentIssues(), getMessages(), getLocale()]);
  const t = messages.seller.admin;
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">{t.reconciliation}</h1>
      {reports.length === 0 ? (
        <EmptyState>{t.noReports}</EmptyState>
      ) : (
        <DataTable
          look="sheet"
          testId="reconciliation-reports"
          rows={reports}
          rowKey={(r) => r.id}
          columns={[
            { key: "at", header: t.failedAt, className: "text-zinc-500", cell: (r) => formatDateTime(r.createdAt, locale) },
            { key: "product", header: t.product, cell: (r) => r.productName ?? r.productId },
            { key: "redis", header: t.redis, align: "right", className: "tabular-nums", cell: (r) => r.redisAvailable ?? "—" },
            { key: "postgres", header: t.postgres, align: "right", className: "tabular-nums", cell: (r) => r.pgAvailable },
            { key: "repaired", header: t.repaired, cell: (r) => (r.repaired ? t.yes : t.no) },
          ]}
        />
      )}
      <h2 className="pt-4 text-xl font-bold">{t.paymentIssues}</h2>
      {issues.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-zinc-300 p-8 text-center text-zinc-500">{t.noPaymentIssues}</p>
      ) : (
        <table className="w-full rounded-2xl bg-white text-sm shadow-sm" data-testid="payment-issues">
          <thead className="bg-zinc-50 text-left text-zinc-500">
            <tr>
              <th className="px-4 py-2">{t.failedAt}</th>
              <th className="px-4 py-2">{t.order}</th>
              <th className="px-4 py-2">{t.kind}</th>
              <th className="px-4 py-2 text-right">{t.amount}</th>
              <th className="px-4 py-2">{t.reason}</th>
              <th className="px-4 py-2">{t.status}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {issues.map((r) => (
              <tr key={r.id}>
                <td className="px-4 py-2 text-zinc-500">{formatDateTime(r.createdAt, locale)}</td>
                <td className="px-4 py-2 font-mono">{r.orderId}</td>
                <td className="px-4 py-2">{messages.codes.refundKinds[r.kind]}</td>
                <td className="px-4 py-2 text-right tabular-nums">{formatPrice(r.amount)}</td>
                <td className="px-4 py-2">
                  <EventNoteText note={r.reason} t={messages.codes} />
                </td>
                <td className="px-4 py-2">
                  {messages.codes.refundStatuses[r.status]}
                  {r.failureCode && (
                    <>
                      {" "}
                      (<code>{r.failureCode}</code>)
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
