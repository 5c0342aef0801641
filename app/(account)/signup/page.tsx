import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/accounts/auth-card";
import { SignUpForm } from "@/components/accounts/sign-up-form";
import { getPageUser } from "@/lib/auth/guards";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.signup.title };
}

export default async function SignUpPage() {
  if (await getPageUser()) redirect("/account");
  const t = (await getMessages()).accounts;
  return (
    <AuthCard title={t.signup.title}>
      <SignUpForm t={t} />
    </AuthCard>
  );
}
