import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/accounts/auth-card";
import { FormAlert } from "@/components/accounts/field";
import { SocialSignUpForm } from "@/components/accounts/social-sign-up-form";
import { peekPendingSignUp } from "@/lib/auth/oauth";
import { fill } from "@/lib/i18n/fill";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.social.completeTitle };
}

// Reached from a Kakao / Naver sign-in whose verified address has no account yet (lib/auth/oauth.ts).
export default async function SocialSignUpPage({ searchParams }: { searchParams: Promise<{ ticket?: string }> }) {
  const { ticket } = await searchParams;
  const t = (await getMessages()).accounts;
  const pending = typeof ticket === "string" && ticket.length >= 10 && ticket.length <= 200 ? await peekPendingSignUp(ticket) : null;
  return (
    <AuthCard title={t.social.completeTitle}>
      {pending && ticket ? (
        <div className="space-y-4">
          <p className="text-sm text-zinc-600" data-testid="social-intro">
            {fill(t.social.completeIntro, { provider: t.social.providers[pending.provider], email: pending.email })}
          </p>
          <SocialSignUpForm t={t} ticket={ticket} name={pending.name} />
        </div>
      ) : (
        <div className="space-y-4">
          <FormAlert>{t.social.expired}</FormAlert>
          <Link href="/signin" className="inline-block text-sm font-semibold text-brand-600 underline">
            {t.signup.goSignIn}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
