import type { Metadata } from "next";
import { AuthCard } from "@/components/accounts/auth-card";
import { FormAlert } from "@/components/accounts/field";
import { VerifyForm } from "@/components/accounts/verify-form";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.verify.title };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = (await getMessages()).accounts;
  return (
    <AuthCard title={t.verify.title}>
      {token && token.length <= 200 ? <VerifyForm t={t} token={token} /> : <FormAlert>{t.verify.missing}</FormAlert>}
    </AuthCard>
  );
}
