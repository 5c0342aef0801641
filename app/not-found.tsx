import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getMessages();
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center gap-4 px-4 py-24 text-center">
      <p className="text-6xl font-black text-brand-500">404</p>
      <h1 className="text-2xl font-bold">{t.common.notFoundTitle}</h1>
      <p className="text-neutral-600">{t.common.notFoundBody}</p>
      <Link href="/" className="rounded-lg bg-neutral-900 px-5 py-2 font-semibold text-white hover:bg-neutral-700">
        {t.common.backHome}
      </Link>
    </main>
  );
}
