import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

export async function SiteFooter() {
  const t = await getMessages();
  return (
    <footer className="mt-16 border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-neutral-600 sm:flex-row sm:justify-between">
        <p>{t.shop.footerNote}</p>
        <Link href="/" className="font-semibold text-neutral-800 hover:underline">
          © {t.common.shopName}
        </Link>
      </div>
    </footer>
  );
}
