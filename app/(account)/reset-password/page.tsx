import type { Metadata } from "next";
import { AuthCard } from "@/components/accounts/auth-card";
import { FormAlert } from "@/components/accounts/field";
import { ResetForm } from "@/components/accounts/reset-form";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.reset.title };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = (await getMessages()).accounts;
  return (
    <AuthCard title={t.reset.title}>
      {typeof token === "string" && token.length >= 10 && token.length <= 200 ? <ResetForm t={t} token={token} /> : <FormAlert>{t.reset.missing}</FormAlert>}
    </AuthCard>
  );
}
