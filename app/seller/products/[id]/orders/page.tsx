import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DropFlagsView } from "@/components/seller/drop-flags";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { getDropFlags } from "@/lib/seller/flags";
import { getPageScope, orNotFound, scopeQuery } from "@/lib/seller/page-scope";
import { idSchema } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.flags.title };
}

export const dynamic = "force-dynamic";

export default async function DropOrdersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await getPageScope(`/seller/products/${id}/orders`);
  if (!idSchema.safeParse(id).success) notFound();
  const flags = await orNotFound(getDropFlags(scope, id));
  const [messages, locale] = await Promise.all([getMessages(), getLocale()]);
  const t = messages.seller;
  return (
    <main className="space-y-4">
      <div>
        <Link href={`/seller/products/${id}${scopeQuery(scope)}`} className="text-sm text-zinc-500 hover:underline">
          ← {t.products.edit}
        </Link>
        <h1 className="text-2xl font-bold">{t.flags.title}</h1>
      </div>
      <DropFlagsView initial={flags} excludeUrl={`/api/seller/products/${id}/orders/exclude${scopeQuery(scope)}`} t={t} locale={locale} />
    </main>
  );
}
