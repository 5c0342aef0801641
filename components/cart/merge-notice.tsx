"use client";

import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import type { MergeChange, MergeNotice as Notice } from "@/lib/cart/schemas";

function describe(c: MergeChange, t: Messages["cart"]): string {
  const v = { name: c.name, n: c.quantity };
  if (c.kind === "added") return fill(t.mergeAdded, v);
  if (c.kind === "summed") return fill(t.mergeSummed, v);
  if (c.kind === "capped") return fill(c.reason === "limit" ? t.mergeCappedLimit : c.reason === "max" ? t.mergeCappedMax : t.mergeCappedStock, v);
  return fill(c.reason === "ended" ? t.mergeDroppedEnded : c.reason === "limit" ? t.mergeDroppedLimit : t.mergeDroppedStock, v);
}

export function MergeNotice({ notice, onDismiss, t }: { notice: Notice; onDismiss: () => void; t: Messages["cart"] }) {
  return (
    <div role="status" data-testid="merge-notice" className="mb-6 rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-900">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="font-semibold">{t.mergeTitle}</p>
          <ul className="mt-2 list-disc pl-5">
            {notice.changes.map((c) => (
              <li key={c.productId}>{describe(c, t)}</li>
            ))}
          </ul>
        </div>
        <button type="button" onClick={onDismiss} className="shrink-0 rounded border border-sky-300 px-3 py-1 hover:bg-sky-100">
          {t.dismiss}
        </button>
      </div>
    </div>
  );
}
