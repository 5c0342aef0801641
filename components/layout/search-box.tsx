// The header's search: a GET form to the home page, so results are a shareable URL and need no JavaScript.
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

export function SearchBox({ t, defaultValue }: { t: Messages["shop"]; defaultValue?: string }) {
  return (
    <Form action="/" method="get" role="search" className="flex w-full max-w-md items-center gap-2">
      <label htmlFor="site-search" className="sr-only">
        {t.searchLabel}
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t.searchPlaceholder}
        maxLength={100}
        className="w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 text-sm"
      />
      <button type="submit" className="shrink-0 whitespace-nowrap rounded-lg bg-neutral-900 px-3 py-2 text-sm font-semibold text-white hover:bg-neutral-700">
        {t.searchSubmit}
      </button>
    </Form>
  );
}
