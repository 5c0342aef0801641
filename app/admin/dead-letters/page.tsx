import type { Metadata } from "next";
import { DeadLetterActions } from "@/components/seller/dead-letter-actions";
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
    <main className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-bold">{t.title}</h1>
      {data.items.length === 0 ? (
        <p className="py-16 text-center text-neutral-600">{t.empty}</p>
      ) : (
        <table className="w-full table-fixed border-collapse text-left text-sm" data-testid="dead-letters">
          <thead>
            <tr className="border-b border-neutral-300">
              <th className="w-48 py-2">{t.queue}</th>
              <th className="w-44 py-2">{t.failedAt}</th>
              <th className="py-2">{t.error}</th>
              <th className="py-2">{t.payload}</th>
              <th className="w-36 py-2" />
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id} className="border-b border-neutral-100 align-top">
                <td className="py-2 font-mono">{d.queue}</td>
                <td className="py-2">{formatDateTime(d.failedAt, locale)}</td>
                <td className="py-2 break-words text-red-700">{d.error}</td>
                <td className="py-2">
                  <code className="block break-all text-xs">{JSON.stringify(d.data)}</code>
                </td>
                <td className="py-2">
                  <DeadLetterActions id={d.id} labels={{ retry: messages.seller.admin.retry, discard: messages.seller.admin.discard }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
