import type { Metadata } from "next";
import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "403", robots: { index: false } };

// Where requirePageRole sends a signed-in user whose role does not fit the page.
export default async function ForbiddenPage() {
  const { accounts: t, common } = await getMessages();
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t.forbidden.title}</h1>
      <p className="mb-6 text-zinc-600">{t.forbidden.body}</p>
      <Link href="/" className="font-semibold text-brand-600 underline">
        {common.backHome}
      </Link>
    </main>
  );
}
