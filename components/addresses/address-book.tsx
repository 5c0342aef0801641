"use client";
// The account's address book: the entries (default first) with edit, delete and "make default", and a
// form to add one (up to MAX_ADDRESSES). Every change goes through a server action and refreshes the page.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/accounts/field";
import { createAddressAction, deleteAddressAction, setDefaultAddressAction, updateAddressAction } from "@/lib/addresses/actions";
import type { ActionResult } from "@/lib/action-state";
import { MAX_ADDRESSES, type AddressView } from "@/lib/addresses/schemas";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { formatMobile } from "@/lib/accounts/phone-number";
import { AddressFields, emptyDraft, type DeliveryDraft } from "./address-fields";
import { Form } from "@/components/ui/form";

type Editing = { id: string | null; draft: DeliveryDraft; isDefault: boolean };

export function AddressBook({ addresses, t }: { addresses: AddressView[]; t: Messages["address"] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; fields?: Record<string, string[]> } | null>(null);

  async function run(action: () => Promise<ActionResult<unknown>>) {
    setBusy(true);
    setError(null);
    const r = await action();
    setBusy(false);
    if (r.ok) {
      setEditing(null);
      return router.refresh();
    }
    const text = r.error.code === "ADDRESS_BOOK_FULL" ? fill(t.full, { max: MAX_ADDRESSES }) : r.error.fields ? t.errorInvalid : t.errorGeneric;
    setError({ text, fields: r.error.fields });
  }

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const input = { ...editing.draft, isDefault: editing.isDefault };
    void run(() => (editing.id ? updateAddressAction(editing.id, input) : createAddressAction(input)));
  };
  const fields = (a: AddressView): DeliveryDraft => ({ recipient: a.recipient, phone: formatMobile(a.phone), postcode: a.postcode, address: a.address, detail: a.detail, memo: a.memo });

  return (
    <div className="space-y-4">
      {addresses.length === 0 && <p className="text-sm text-zinc-500">{t.empty}</p>}
      <ul className="space-y-3" data-testid="address-book">
        {addresses.map((a) => (
          <li key={a.id} data-testid="address-entry" className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 text-sm">
            <p className="font-semibold">
              <span data-user-content>{a.recipient}</span> · {formatMobile(a.phone)}
              {a.isDefault && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{t.defaultBadge}</span>}
            </p>
            <p data-user-content>({a.postcode}) {a.address} {a.detail}</p>
            {a.memo && <p className="text-zinc-500">{t.memo}: <span data-user-content>{a.memo}</span></p>}
            <div className="flex gap-2">
              <button type="button" className="underline" onClick={() => setEditing({ id: a.id, draft: fields(a), isDefault: a.isDefault })}>{t.edit}</button>
              {!a.isDefault && <button type="button" className="underline" disabled={busy} onClick={() => run(() => setDefaultAddressAction(a.id))}>{t.makeDefault}</button>}
              <button type="button" className="text-red-700 underline" disabled={busy} onClick={() => window.confirm(t.deleteConfirm) && run(() => deleteAddressAction(a.id))}>{t.delete}</button>
            </div>
          </li>
        ))}
      </ul>
      {error && <FormAlert>{error.text}</FormAlert>}
      {editing ? (
        <Form onSubmit={save} errors={error} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4" data-testid="address-form">
          <AddressFields value={editing.draft} onChange={(draft) => setEditing({ ...editing, draft })} errors={error?.fields} t={t} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={editing.isDefault} onChange={(e) => setEditing({ ...editing, isDefault: e.target.checked })} />
            {t.isDefault}
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className="rounded-lg bg-brand-500 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">{busy ? t.saving : t.save}</button>
            <button type="button" onClick={() => (setEditing(null), setError(null))} className="rounded-lg border border-zinc-300 px-4 py-2 text-sm">{t.cancel}</button>
          </div>
        </Form>
      ) : (
        addresses.length < MAX_ADDRESSES && (
          <button type="button" onClick={() => setEditing({ id: null, draft: emptyDraft, isDefault: addresses.length === 0 })} className="rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-zinc-100">
            {t.add}
          </button>
        )
      )}
    </div>
  );
}
