"use client";
// The header's cart link with its line count, an island of the cached pages. The count comes from the
// viewer summary, whose endpoint also merges a guest cart right after sign-in (lib/accounts/summary.ts),
// whatever page the sign-in lands on.
import Link from "next/link";
import { useViewer } from "@/components/providers/viewer";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";

export function CartBadge({ t }: { t: Messages["cart"] }) {
  const { viewer } = useViewer();
  const count = viewer?.cartCount;
  return (
    // The name is spoken from hidden text, not an aria-label, so the visible count stays part of it (WCAG 2.5.3).
    <Link href="/cart" className="relative inline-flex items-center gap-1 text-sm font-medium">
      <span className="sr-only">{count === undefined ? t.cartTitle : fill(t.cartBadge, { n: count })}</span>
      <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6" />
        <circle cx="10" cy="20" r="1.3" />
        <circle cx="17" cy="20" r="1.3" />
      </svg>
      {count !== undefined && (
        <span data-testid="cart-count" aria-hidden className="min-w-5 rounded-full bg-neutral-900 px-1.5 text-center text-xs leading-5 text-white">
          {count}
        </span>
      )}
    </Link>
  );
}
