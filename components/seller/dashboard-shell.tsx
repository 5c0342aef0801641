// The seller center's and the admin area's frame: a titled sidebar of links beside the page, with a skip
// link past the sidebar (the shop's own skip link lands before it).
import Link from "next/link";
import { SkipLink } from "@/components/layout/skip-link";
import { getMessages } from "@/lib/i18n/server";

export async function DashboardShell({ title, href, nav, children }: { title: string; href: string; nav: React.ReactNode; children: React.ReactNode }) {
  const t = (await getMessages()).common;
  return (
    <div className="mx-auto flex min-h-screen w-full max-w-7xl gap-6 px-4 py-6">
      <SkipLink href="#dashboard-content">{t.skipNav}</SkipLink>
      <aside className="w-48 shrink-0 space-y-1">
        <Link href={href} className="mb-4 block px-3 text-lg font-bold">
          {title}
        </Link>
        <nav className="space-y-1" aria-label={title} data-seller-menu>
          {nav}
        </nav>
      </aside>
      <div id="dashboard-content" tabIndex={-1} className="flex min-w-0 flex-1 outline-none">
        {children}
      </div>
    </div>
  );
}
