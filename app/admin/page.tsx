import type { Metadata } from "next";
import { RoleForm } from "@/components/seller/role-form";
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
      <div className="overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
        <table className="w-full text-sm" data-testid="admin-users">
          <thead className="bg-zinc-50 text-left text-zinc-500">
            <tr>
              <th className="px-4 py-2">{t.admin.email}</th>
              <th className="px-4 py-2">{t.admin.joined}</th>
              <th className="px-4 py-2">{t.admin.role}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {users.map((u) => (
              <tr key={u.id}>
                <td className="px-4 py-2">
                  {u.email ?? "—"}
                  {u.seller && <span className="ml-2 text-xs text-zinc-500">{u.seller.shopName}</span>}
                </td>
                <td className="px-4 py-2 text-zinc-500">{formatDateTime(u.createdAt, locale)}</td>
                <td className="px-4 py-2">
                  <RoleForm userId={u.id} role={u.role} hasShop={!!u.seller} t={t} roles={messages.accounts.roles} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
