// Filters and sort as one GET form: every choice lands in the URL, so it works without JavaScript.
import Link from "next/link";
import type { ListProductsQuery } from "@/lib/catalog/schemas";
import type { CategoryView } from "@/lib/catalog/types";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

type Props = { query: ListProductsQuery; categories: CategoryView[]; t: Messages["shop"]; locale: Locale };

const select = "w-full rounded-lg border border-neutral-300 bg-white px-2 py-1.5 text-sm";

export function CatalogFilters({ query, categories, t, locale }: Props) {
  return (
    <Form action="/" method="get" aria-label={t.filters} className="grid gap-3 rounded-xl border border-neutral-200 bg-neutral-50 p-4 text-sm sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto_auto] lg:items-end">
      {query.q && <input type="hidden" name="q" value={query.q} />}
      <label className="grid gap-1">
        <span className="font-semibold">{t.category}</span>
        <select name="category" defaultValue={query.category ?? ""} className={select}>
          <option value="">{t.allCategories}</option>
          {categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {locale === "ko" ? c.nameKo : c.nameEn}
            </option>
          ))}
        </select>
      </label>
      <label className="grid gap-1">
        <span className="font-semibold">{t.type}</span>
        <select name="type" defaultValue={query.type ?? ""} className={select}>
          <option value="">{t.allTypes}</option>
          <option value="NORMAL">{t.typeNormal}</option>
          <option value="LIMITED">{t.typeLimited}</option>
        </select>
      </label>
      <label className="grid gap-1">
        <span className="font-semibold">{t.sort}</span>
        <select name="sort" defaultValue={query.sort} className={select}>
          <option value="newest">{t.sortNewest}</option>
          <option value="price_asc">{t.sortPriceAsc}</option>
          <option value="price_desc">{t.sortPriceDesc}</option>
        </select>
      </label>
      {/* "Size 270 available": with the checkbox below, a variant with that value and units left (docs/variants.md). */}
      <label className="grid gap-1">
        <span className="font-semibold">{t.optionFilter}</span>
        <input type="text" name="option" defaultValue={query.option ?? ""} maxLength={30} placeholder={t.optionFilterPlaceholder} className={select} data-testid="option-filter" />
      </label>
      <label className="flex items-center gap-2 py-1.5">
        <input type="checkbox" name="available" value="1" defaultChecked={query.available} className="h-4 w-4" />
        <span>{t.availableOnly}</span>
      </label>
      <div className="flex gap-2">
        <button type="submit" className="rounded-lg bg-neutral-900 px-4 py-1.5 font-semibold text-white hover:bg-neutral-700">
          {t.apply}
        </button>
        <Link href="/" className="rounded-lg border border-neutral-300 px-3 py-1.5 hover:bg-white">
          {t.reset}
        </Link>
      </div>
    </Form>
  );
}
