import { DashboardShell } from "@/components/seller/dashboard-shell";
import { NavLink } from "@/components/seller/nav-link";
import { requirePageRole } from "@/lib/auth/guards";
import { getMessages } from "@/lib/i18n/server";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePageRole("/admin", "ADMIN");
  const t = (await getMessages()).seller;
  return (
    <DashboardShell
      title={t.adminTitle}
      href="/admin"
      nav={
        <>
          <NavLink href="/admin" exact>
            {t.nav.users}
          </NavLink>
          <NavLink href="/admin/dead-letters">{t.nav.deadLetters}</NavLink>
          <NavLink href="/admin/reconciliation">{t.nav.reconciliation}</NavLink>
          <NavLink href="/seller">{t.title}</NavLink>
        </>
      }
    >
      <div className="min-w-0 flex-1">{children}</div>
    </DashboardShell>
  );
}
