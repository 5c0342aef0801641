import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/accounts/auth-card";
import { FormAlert } from "@/components/accounts/field";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { SocialButtons } from "@/components/accounts/social-buttons";
import { enabledSocialProviders } from "@/lib/auth/oauth-providers";
import { getPageUser, safeCallbackUrl } from "@/lib/auth/guards";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.signin.title };
}

type Search = Promise<{ callbackUrl?: string; error?: string; code?: string; deleted?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl, error, code, deleted } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getPageUser()) redirect(target);
  const t = (await getMessages()).accounts;
  // Auth.js's HTTP flow lands here with ?error=CredentialsSignin[&code=rate_limited]; a refused Kakao /
  // Naver sign-in with ?error=OAuthRefused&code=<reason> (lib/auth/oauth.ts).
  const initialError = error ? (code === "rate_limited" ? "rateLimited" : error === "CredentialsSignin" ? "invalid" : "generic") : undefined;
  const refusal = error === "OAuthRefused" ? (code === "email_unverified" || code === "link_unverified" ? t.social.refused[code] : t.social.refused.generic) : null;
  return (
    <AuthCard title={t.signin.title}>
      {deleted && (
        <div className="mb-4">
          <FormAlert kind="ok">{t.account.deleted}</FormAlert>
        </div>
      )}
      {refusal ? (
        <div className="mb-4" data-testid="social-refused">
          <FormAlert>{refusal}</FormAlert>
        </div>
      ) : null}
      <SignInForm t={t} callbackUrl={target} initialError={refusal ? undefined : initialError} />
      <SocialButtons t={t} providers={enabledSocialProviders()} callbackUrl={target} />
    </AuthCard>
  );
}
