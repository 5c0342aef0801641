import type { Metadata } from "next";
import { LegalPage, legalVersions } from "@/components/accounts/legal-page";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.legal.termsTitle };
}

export default async function TermsPage() {
  const t = (await getMessages()).accounts;
  return <LegalPage t={t} title={t.legal.termsTitle} version={legalVersions.TERMS} paragraphs={t.legal.termsBody} />;
}
