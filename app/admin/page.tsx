import type { Metadata } from "next";
import { RoleForm } from "@/components/seller/role-form";
import { DataTable } from "@/components/ui/data-table";
import { listUsers } from "@/lib/admin/queries";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).seller.admin.users };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageRole("/admin", "ADMIN");
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const [{ users, count }, messages, locale] = await Promise.all([listUsers({ page }), getMessages(), getLocale()]);
  const t = messages.seller;
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t.admin.users} <span className="text-base font-normal text-zinc-500">({count})</span>
      </h1>
      <DataTable
        testId="admin-users"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          {
            key: "email",
            header: t.admin.email,
            cell: (u) => (
              <>
                {u.email ?? "—"}
                {u.seller && <span className="ml-2 text-xs text-zinc-500">{u.seller.shopName}</span>}
              </>
            ),
          },
          { key: "joined", header: t.admin.joined, className: "text-zinc-500", cell: (u) => formatDateTime(u.createdAt, locale) },
          { key: "role", header: t.admin.role, cell: (u) => <RoleForm userId={u.id} role={u.role} hasShop={!!u.seller} t={t} roles={messages.accounts.roles} /> },
        ]}
      />
    </main>
  );
}
