"use client";
// The size run generator: from, to, step → the values of an axis in one go (230–300 by 5 = 15 sizes).
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { sizeRun } from "@/lib/variants/types";
import { inputClass } from "@/components/ui/field";

export function SizeRun({ onValues, t }: { onValues: (values: string[]) => void; t: Messages["seller"]["variants"] }) {
  const [run, setRun] = useState({ from: "230", to: "300", step: "5" });
  const values = sizeRun(Number(run.from), Number(run.to), Number(run.step));
  const field = (k: keyof typeof run, label: string) => (
    <label className="grid gap-1 text-xs text-zinc-600">
      {label}
      <input type="number" className={`${inputClass} w-24`} value={run[k]} onChange={(e) => setRun({ ...run, [k]: e.target.value })} data-testid={`size-run-${k}`} />
    </label>
  );
  return (
    <fieldset className="flex flex-wrap items-end gap-2 rounded-lg border border-zinc-200 p-3">
      <legend className="px-1 text-sm font-medium">{t.sizeRun}</legend>
      {field("from", t.from)}
      {field("to", t.to)}
      {field("step", t.step)}
      <button
        type="button"
        className="rounded-lg border border-zinc-300 px-3 py-2 text-sm font-medium disabled:opacity-40"
        disabled={!values.length || values.length > 40}
        onClick={() => onValues(values)}
        data-testid="size-run-generate"
      >
        {t.generate} ({values.length})
      </button>
      <p className="w-full text-xs text-zinc-500">{t.generateHint}</p>
    </fieldset>
  );
}
