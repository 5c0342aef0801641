import type { Metadata, Viewport } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import { QueryProvider } from "@/components/providers/query-provider";
import { ViewerSync } from "@/components/providers/viewer";
import { WishAfterSignIn } from "@/components/wishlist/wish-after-sign-in";
import { clock } from "@/lib/clock";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { rootMetadata } from "@/lib/site/metadata";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getMessages(), getLocale()]);
  return rootMetadata(t, locale);
}

// The browser's toolbar in the brand colour (app/manifest.ts says the same for an installed shop).
export const viewport: Viewport = { themeColor: "#f0442c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-neutral-900">
        <SkipLink href="#content">{t.common.skipToContent}</SkipLink>
        <QueryProvider>
          {/* A new stamp per server render: a refresh after a cart or wishlist change refetches the viewer. */}
          <ViewerSync stamp={clock.nowMs()} />
          <WishAfterSignIn />
          <SiteHeader />
          <div id="content" tabIndex={-1} className="flex-1 outline-none">
            {children}
          </div>
          <SiteFooter />
        </QueryProvider>
      </body>
    </html>
  );
}
