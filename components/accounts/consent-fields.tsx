"use client";
// The sign-up consents: three required boxes, the optional marketing one, and "agree to all" that
// checks (or clears) every box. Each required box shows its own error when it was left empty.
import Link from "next/link";
import { useState } from "react";
import { FieldErrors } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages";

const boxes = [
  { name: "agreeTerms", label: "terms", href: "/terms" },
  { name: "agreePrivacy", label: "privacy", href: "/privacy" },
  { name: "confirmAge14", label: "age14" },
  { name: "agreeMarketing", label: "marketing" },
] as const;
type Name = (typeof boxes)[number]["name"];

export function ConsentFields({ t, errors, initial }: { t: Messages["accounts"]; errors: Record<string, string[] | undefined>; initial?: Partial<Record<Name, boolean>> }) {
  const [checked, setChecked] = useState<Record<Name, boolean>>({ agreeTerms: false, agreePrivacy: false, confirmAge14: false, agreeMarketing: false, ...initial });
  const all = boxes.every((b) => checked[b.name]);
  const setAll = (on: boolean) => setChecked({ agreeTerms: on, agreePrivacy: on, confirmAge14: on, agreeMarketing: on });
  return (
    <fieldset className="space-y-2 rounded-lg border border-zinc-200 p-3">
      <legend className="px-1 text-sm font-medium text-zinc-700">{t.consent.legend}</legend>
      <label className="flex items-center gap-2 border-b border-zinc-100 pb-2 text-sm font-semibold">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t.consent.all}
      </label>
      {boxes.map((b) => (
        <div key={b.name} className="space-y-0.5">
          <div className="flex items-center gap-2 text-sm">
            <input
              id={`f-${b.name}`}
              type="checkbox"
              name={b.name}
              checked={checked[b.name]}
              onChange={(e) => setChecked((c) => ({ ...c, [b.name]: e.target.checked }))}
              aria-invalid={errors[b.name]?.length ? true : undefined}
              aria-describedby={errors[b.name]?.length ? `f-${b.name}-error` : undefined}
            />
            <label htmlFor={`f-${b.name}`}>{t.consent[b.label]}</label>
            {"href" in b && (
              <Link href={b.href} target="_blank" className="ml-auto text-xs text-zinc-500 underline">
                {t.consent.view}
              </Link>
            )}
          </div>
          <FieldErrors name={b.name} codes={errors[b.name]} messages={t.fieldErrors} fallback={t.fieldErrors.invalid} />
        </div>
      ))}
    </fieldset>
  );
}
