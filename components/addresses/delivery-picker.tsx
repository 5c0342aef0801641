"use client";
// Choosing where an order goes: one of the saved addresses (the default preselected) or a new one, which
// may be saved to the address book. The parent reads the choice through `onChange` and shows field errors.
import { useEffect, useState } from "react";
import type { AddressView } from "@/lib/addresses/schemas";
import type { Messages } from "@/lib/i18n/messages";
import { AddressFields, emptyDraft, type DeliveryDraft } from "./address-fields";
import { savedLine } from "./delivery-view";

export type DeliveryPick = { kind: "saved"; addressId: string } | { kind: "new"; delivery: DeliveryDraft; save: boolean };

type Props = { saved: AddressView[]; onChange: (p: DeliveryPick) => void; errors?: Record<string, string[]>; canSave: boolean; t: Messages["address"] };

export function DeliveryPicker({ saved, onChange, errors, canSave, t }: Props) {
  const initial = saved.find((a) => a.isDefault) ?? saved[0];
  const [choice, setChoice] = useState<string>(initial?.id ?? "new");
  const [draft, setDraft] = useState<DeliveryDraft>(emptyDraft);
  const [save, setSave] = useState(canSave);
  useEffect(() => {
    onChange(choice === "new" ? { kind: "new", delivery: draft, save: save && canSave } : { kind: "saved", addressId: choice });
  }, [choice, draft, save, canSave, onChange]);

  return (
    <fieldset className="space-y-3" data-testid="delivery-picker">
      <legend className="mb-1 font-semibold">{t.chooseTitle}</legend>
      {saved.length > 0 && (
        <div className="space-y-2" role="radiogroup" aria-label={t.useSaved}>
          {saved.map((a) => (
            <label key={a.id} className="flex items-start gap-2 rounded-lg border border-neutral-200 p-2 text-sm has-checked:border-neutral-900">
              <input type="radio" name="delivery-choice" value={a.id} checked={choice === a.id} onChange={() => setChoice(a.id)} className="mt-1" />
              <span>
                <span data-user-content>{savedLine(a)}</span>
                {a.isDefault && <span className="ml-2 rounded bg-neutral-100 px-1.5 py-0.5 text-xs">{t.defaultBadge}</span>}
              </span>
            </label>
          ))}
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="delivery-choice" value="new" checked={choice === "new"} onChange={() => setChoice("new")} />
            {t.useNew}
          </label>
        </div>
      )}
      {choice === "new" && (
        <>
          <AddressFields value={draft} onChange={setDraft} errors={errors} t={t} />
          {canSave && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
              {t.saveToBook}
            </label>
          )}
        </>
      )}
      {errors?.addressId && <p role="alert" className="text-sm text-red-700">{t.fieldErrors[errors.addressId[0]] ?? t.errorInvalid}</p>}
    </fieldset>
  );
}

/** The server's field errors of a delivery (`delivery.recipient`, or `recipient` from the book) by field. */
export function deliveryErrors(fields: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k.replace(/^delivery\./, "")] = v;
  return out;
}
