// The footer of every page: the shop's note and the business information Korean law asks an online shop
// to show (lib/site/legal.ts, from configuration), with the customary link to the FTC's record of it.
import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";
import { legalInfo } from "@/lib/site/legal";

export async function SiteFooter() {
  const t = await getMessages();
  const info = legalInfo();
  const rows: [string, string][] = [
    [t.site.businessName, info.businessName],
    [t.site.representative, info.representative],
    [t.site.businessNumber, info.businessNumber],
    [t.site.mailOrderNumber, info.mailOrderNumber],
    [t.site.address, info.address],
    [t.site.phone, info.phone],
    [t.site.email, info.email],
    [t.site.privacyOfficer, info.privacyOfficer],
  ];
  return (
    <footer className="mt-16 border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto max-w-6xl space-y-4 px-4 py-8 text-sm text-neutral-600">
        <div className="flex flex-col gap-2 sm:flex-row sm:justify-between">
          <p>{t.shop.footerNote}</p>
          <Link href="/" className="font-semibold text-neutral-800 hover:underline">
            © {t.common.shopName}
          </Link>
        </div>
        <section aria-label={t.site.legalHeading} data-testid="legal-footer">
          <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
            {rows.map(([label, value]) => (
              <div key={label} className="flex gap-1">
                <dt className="text-neutral-500">{label}</dt>
                <dd className="text-neutral-700" data-user-content>{value}</dd>
              </div>
            ))}
          </dl>
          <a href={info.verifyUrl} target="_blank" rel="noopener noreferrer" className="mt-2 inline-block text-xs underline">
            {t.site.verifyBusiness}
          </a>
        </section>
      </div>
    </footer>
  );
}
