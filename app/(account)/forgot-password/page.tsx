import type { Metadata } from "next";
import { AuthCard } from "@/components/accounts/auth-card";
import { ForgotForm } from "@/components/accounts/forgot-form";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.forgot.title };
}

export default async function ForgotPasswordPage() {
  const t = (await getMessages()).accounts;
  return (
    <AuthCard title={t.forgot.title}>
      <ForgotForm t={t} />
    </AuthCard>
  );
}
