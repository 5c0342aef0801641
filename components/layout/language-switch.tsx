// ko / en switch: two submit buttons of one form (keyboard-usable, no JavaScript needed).
import { setLocaleAction } from "@/lib/i18n/actions";
import type { Locale } from "@/lib/i18n/config";
import { Form } from "@/components/ui/form";

const labels: Record<Locale, { short: string; name: string }> = { ko: { short: "한국어", name: "한국어" }, en: { short: "EN", name: "English" } };

export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  return (
    <Form action={setLocaleAction} role="group" aria-label={label} className="flex overflow-hidden rounded-lg border border-neutral-300 text-xs font-semibold">
      {(Object.keys(labels) as Locale[]).map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          data-testid={`locale-${l}`}
          className={`px-2.5 py-1.5 ${l === locale ? "bg-neutral-900 text-white" : "bg-white text-neutral-700 hover:bg-neutral-100"}`}
        >
          {/* The visible short form is part of the name (WCAG 2.5.3): "EN English". */}
          {labels[l].short}
          {labels[l].short !== labels[l].name && <span className="sr-only"> {labels[l].name}</span>}
        </button>
      ))}
    </Form>
  );
}
