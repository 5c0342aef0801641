// The shop's header on every page: logo, search, language switch, cart and the account corner. Nothing here
// depends on the viewer but the locale: the cart and the account corner are islands that fetch the viewer's
// summary, so the shop's pages can be cached and served to everyone.
import Link from "next/link";
import { CartBadge } from "@/components/cart/cart-badge";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { LanguageSwitch } from "./language-switch";
import { SearchBox } from "./search-box";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  return (
    <header className="border-b border-neutral-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="text-xl font-black tracking-tight text-brand-600">
          {t.common.shopName}
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <SearchBox t={t.shop} />
        </div>
        <div className="ml-auto flex items-center gap-4">
          <LanguageSwitch locale={locale} label={t.common.languageSwitch} />
          <CartBadge t={t.cart} />
          <UserMenu t={t.accounts.nav} />
        </div>
      </div>
    </header>
  );
}
