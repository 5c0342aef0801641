import Link from "next/link";
import { NavLink } from "@/components/seller/nav-link";
import { requirePageRole } from "@/lib/auth/guards";
import { getMessages } from "@/lib/i18n/server";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole("/admin", "ADMIN");
  const t = (await getMessages()).seller;
  return (
    <div className="mx-auto flex min-h-screen w-full max-w-7xl gap-6 px-4 py-6">
      <aside className="w-48 shrink-0 space-y-1">
        <Link href="/admin" className="mb-4 block px-3 text-lg font-bold">
          {t.adminTitle}
        </Link>
        <nav className="space-y-1" aria-label={t.adminTitle}>
          <NavLink href="/admin" exact>
            {t.nav.users}
          </NavLink>
          <NavLink href="/admin/dead-letters">{t.nav.deadLetters}</NavLink>
          <NavLink href="/admin/reconciliation">{t.nav.reconciliation}</NavLink>
          <NavLink href="/seller">{t.title}</NavLink>
        </nav>
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
