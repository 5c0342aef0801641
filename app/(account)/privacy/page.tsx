import type { Metadata } from "next";
import { LegalPage, legalVersions } from "@/components/accounts/legal-page";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.legal.privacyTitle };
}

export default async function PrivacyPage() {
  const t = (await getMessages()).accounts;
  return <LegalPage t={t} title={t.legal.privacyTitle} version={legalVersions.PRIVACY} paragraphs={t.legal.privacyBody} />;
}
