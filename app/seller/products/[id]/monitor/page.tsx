import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DropMonitor } from "@/components/seller/drop-monitor";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getDropMonitor } from "@/lib/seller/monitor";
import { getPageScope, orNotFound, scopeQuery } from "@/lib/seller/page-scope";
import { idSchema } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.monitor.title };
}

export default async function MonitorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await getPageScope(`/seller/products/${id}/monitor`);
  if (!idSchema.safeParse(id).success) notFound();
  const monitor = await orNotFound(getDropMonitor(scope, id));
  const [messages, locale] = await Promise.all([getMessages(), getLocale()]);
  const t = messages.seller;
  return (
    <main className="space-y-4">
      <div>
        <Link href={`/seller/products/${id}`} className="text-sm text-zinc-500 hover:underline">
          ← {monitor.name}
        </Link>
        <h1 className="text-2xl font-bold">{t.monitor.title}</h1>
      </div>
      <DropMonitor url={`/api/seller/products/${id}/monitor${scopeQuery(scope)}`} initial={JSON.parse(JSON.stringify(monitor))} t={t.monitor} locale={locale} />
    </main>
  );
}
