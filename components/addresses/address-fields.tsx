"use client";
// The delivery fields, shared by the address book, checkout and an order awaiting its address: recipient,
// mobile number, postcode and road address (from the postcode search or typed), detail and a delivery memo
// (a preset or free text). Controlled: the parent owns the value and shows the server's field errors.
import { useId, useState } from "react";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import type { DeliveryInput } from "@/lib/addresses/schemas";
import type { Messages } from "@/lib/i18n/messages";
import { PostcodeSearch } from "./postcode-search";

export type DeliveryDraft = Required<DeliveryInput>;
export const emptyDraft: DeliveryDraft = { recipient: "", phone: "", postcode: "", address: "", detail: "", memo: "" };

type Props = { value: DeliveryDraft; onChange: (v: DeliveryDraft) => void; errors?: Record<string, string[]>; t: Messages["address"] };

export function AddressFields({ value, onChange, errors = {}, t }: Props) {
  const base = useId();
  const [custom, setCustom] = useState(Boolean(value.memo) && !t.memoPresets.includes(value.memo));
  const set = (k: keyof DeliveryDraft) => (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [k]: e.target.value });
  const field = (k: keyof DeliveryDraft, label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const id = `${base}-${k}`;
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-700">{label}</label>
        <input {...controlProps(k, errors[k], { id })} name={k} value={value[k]} onChange={set(k)} className={inputClass} {...extra} />
        <FieldErrors name={k} codes={errors[k]} messages={t.fieldErrors} fallback={t.fieldErrors.invalid} controlId={id} />
      </div>
    );
  };
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {field("recipient", t.recipient, { autoComplete: "name", maxLength: 40, required: true })}
        {field("phone", t.phone, { autoComplete: "tel", inputMode: "tel", placeholder: t.phonePlaceholder, maxLength: 30, required: true })}
      </div>
      <div className="flex items-end gap-2">
        <div className="w-32">{field("postcode", t.postcode, { autoComplete: "postal-code", inputMode: "numeric", maxLength: 5, required: true })}</div>
        <PostcodeSearch t={t} onPick={(p) => onChange({ ...value, ...p })} />
      </div>
      {field("address", t.address, { autoComplete: "address-line1", placeholder: t.addressPlaceholder, maxLength: 200, required: true })}
      {field("detail", t.detail, { autoComplete: "address-line2", placeholder: t.detailPlaceholder, maxLength: 100 })}
      <div className="space-y-1">
        <label htmlFor={`${base}-memo-preset`} className="block text-sm font-medium text-zinc-700">{t.memo}</label>
        <select
          id={`${base}-memo-preset`}
          value={custom ? "custom" : value.memo}
          onChange={(e) => {
            setCustom(e.target.value === "custom");
            onChange({ ...value, memo: e.target.value === "custom" ? "" : e.target.value });
          }}
          className={inputClass}
        >
          <option value="">{t.memoNone}</option>
          {t.memoPresets.map((p) => (
            <option key={p} value={p}>{p}</option>
          ))}
          <option value="custom">{t.memoCustom}</option>
        </select>
        {custom && (
          <input {...controlProps("memo", errors.memo, { id: `${base}-memo` })} aria-label={t.memoCustomLabel} name="memo" value={value.memo} onChange={set("memo")} maxLength={100} className={inputClass} />
        )}
        <FieldErrors name="memo" codes={errors.memo} messages={t.fieldErrors} fallback={t.fieldErrors.invalid} controlId={`${base}-memo`} />
      </div>
    </div>
  );
}
