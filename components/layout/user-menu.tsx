"use client";
// The header's account corner, an island of the cached pages: sign-in / sign-up links, or the user's menu
// with the account page, orders, wishlist, the seller center for sellers, the admin pages for admins, and sign-out. Who is
// signed in comes from the viewer summary (components/providers/viewer.tsx), never from the page's HTML.
import Link from "next/link";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { useViewer } from "@/components/providers/viewer";
import type { Messages } from "@/lib/i18n/messages";

export function UserMenu({ t }: { t: Messages["accounts"]["nav"] }) {
  const { viewer, settled } = useViewer();
  // Until a summary arrives, a blank of the menu's size: no flash of "sign in" for a signed-in user.
  if (viewer === undefined && !settled) return <span aria-hidden className="inline-block h-8 w-24" data-testid="user-menu-pending" />;
  const user = viewer?.user;
  if (!user) {
    return (
      <nav className="flex items-center gap-3 text-sm" aria-label={t.menu}>
        <Link href="/signin" className="font-medium hover:underline">
          {t.signIn}
        </Link>
        <Link href="/signup" className="rounded-lg bg-brand-500 px-3 py-1.5 font-semibold text-white hover:bg-brand-600">
          {t.signUp}
        </Link>
      </nav>
    );
  }
  return (
    <details className="relative text-sm" data-testid="user-menu">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-1.5 font-medium hover:bg-zinc-100" data-user-content={user.name ? true : undefined}>
        {user.name ?? t.menu}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-44 space-y-1 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg">
        <Link href="/account" className="block rounded px-2 py-1.5 hover:bg-zinc-100">
          {t.account}
        </Link>
        <Link href="/orders" className="block rounded px-2 py-1.5 hover:bg-zinc-100">
          {t.orders}
        </Link>
        <Link href="/wishlist" className="block rounded px-2 py-1.5 hover:bg-zinc-100">
          {t.wishlist}
        </Link>
        {(user.role === "SELLER" || user.role === "ADMIN") && (
          <Link href="/seller" className="block rounded px-2 py-1.5 hover:bg-zinc-100">
            {t.seller}
          </Link>
        )}
        {user.role === "ADMIN" && (
          <Link href="/admin" className="block rounded px-2 py-1.5 hover:bg-zinc-100">
            {t.admin}
          </Link>
        )}
        <SignOutButton label={t.signOut} className="block w-full rounded px-2 py-1.5 text-left hover:bg-zinc-100" />
      </div>
    </details>
  );
}
