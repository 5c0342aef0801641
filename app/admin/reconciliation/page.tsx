import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listReconciliations } from "@/lib/admin/queries";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.admin.reconciliation };
}

export default async function ReconciliationPage() {
  await requirePageRole("/admin/reconciliation", "ADMIN");
  const [reports, messages, locale] = await Promise.all([listReconciliations(), getMessages(), getLocale()]);
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
    </main>
  );
}
