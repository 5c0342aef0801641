import type { Metadata } from "next";
import { DeadLetterActions } from "@/components/seller/dead-letter-actions";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { deadLettersQuerySchema, listDeadLetters } from "@/lib/jobs/dead-letters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).orders.deadLetters.title };
}

export default async function DeadLettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("/admin/dead-letters", "ADMIN");
  const raw = await searchParams;
  const parsed = deadLettersQuerySchema.safeParse({ page: raw.page, queue: raw.queue });
  const [data, messages, locale] = await Promise.all([listDeadLetters(parsed.success ? parsed.data : { page: 1, pageSize: 50 }), getMessages(), getLocale()]);
  const t = messages.orders.deadLetters;
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      {data.items.length === 0 ? (
        <EmptyState look="page">{t.empty}</EmptyState>
      ) : (
        <DataTable
          look="ruled"
          testId="dead-letters"
          rows={data.items}
          rowKey={(d) => d.id}
          columns={[
            // The queue's name and the job's last error are the system's words, in no reader's language: code.
            { key: "queue", header: t.queue, headerClassName: "w-48", cell: (d) => <code>{d.queue}</code> },
            { key: "at", header: t.failedAt, headerClassName: "w-44", cell: (d) => formatDateTime(d.failedAt, locale) },
            { key: "error", header: t.error, className: "break-words text-red-700", cell: (d) => d.error && <code>{d.error}</code> },
            { key: "payload", header: t.payload, cell: (d) => <code className="block break-all text-xs">{JSON.stringify(d.data)}</code> },
            {
              key: "actions",
              headerClassName: "w-36",
              cell: (d) => <DeadLetterActions id={d.id} labels={{ retry: messages.seller.admin.retry, discard: messages.seller.admin.discard }} />,
            },
          ]}
        />
      )}
    </main>
  );
}
