"use client";
// An admin changes one user's role; becoming a seller asks for a shop name.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { api } from "./api";
import { controlProps, FieldErrors } from "@/components/ui/field";
import { Form } from "@/components/ui/form";

type Role = "BUYER" | "SELLER" | "ADMIN";

export function RoleForm({ userId, role, hasShop, t, roles }: { userId: string; role: Role; hasShop: boolean; t: Messages["seller"]; roles: Record<Role, string> }) {
  const router = useRouter();
  const [next, setNext] = useState<Role>(role);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const needsShop = next === "SELLER" && !hasShop;
  return (
    <Form
      errors={fields}
      className="flex flex-wrap items-start gap-2"
      data-testid="role-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const shopName = String(new FormData(e.currentTarget).get("shopName") ?? "") || undefined;
        const res = await api(`/api/admin/users/${userId}`, { method: "PATCH", body: { role: next, shopName } });
        setFields(res.ok ? {} : res.fields ?? {});
        setError(res.ok ? null : res.status === 409 ? t.admin.self : res.fields ? null : t.errors.generic);
        if (res.ok) router.refresh();
      }}
    >
      <select aria-label={t.admin.role} value={next} onChange={(e) => setNext(e.target.value as Role)} className="rounded border border-zinc-300 px-2 py-1 text-sm">
        {(["BUYER", "SELLER", "ADMIN"] as const).map((r) => (
          <option key={r} value={r}>
            {roles[r]}
          </option>
        ))}
      </select>
      {needsShop && (
        <div>
          <input {...controlProps("shopName", fields.shopName, { id: `f-shopName-${userId}` })} name="shopName" placeholder={t.admin.shopName} aria-label={t.admin.shopName} className="rounded border border-zinc-300 px-2 py-1 text-sm aria-invalid:border-red-500" />
          <FieldErrors name="shopName" codes={fields.shopName} messages={t.fieldErrors} controlId={`f-shopName-${userId}`} />
        </div>
      )}
      <button type="submit" disabled={next === role} className="rounded bg-ink px-2 py-1 text-sm text-white disabled:opacity-40">
        {t.admin.change}
      </button>
      {error && <p role="alert" className="text-xs text-red-600">{error}</p>}
    </Form>
  );
}
