import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/accounts/delete-account-form";
import { MyAlerts } from "@/components/alerts/my-alerts";
import { MarketingConsent } from "@/components/accounts/marketing-consent";
import { PasswordForm } from "@/components/accounts/password-form";
import { PhoneVerification } from "@/components/accounts/phone-verification";
import { ProfileForm } from "@/components/accounts/profile-form";
import { ResendButton } from "@/components/accounts/resend-button";
import { SessionsList } from "@/components/accounts/sessions-list";
import { SetPasswordForm } from "@/components/accounts/set-password-form";
import { SignOutButton } from "@/components/accounts/sign-out-button";
import { getConsents } from "@/lib/accounts/consent";
import { getPhoneStatus } from "@/lib/accounts/phone";
import { getProfileOrThrow, listSessions } from "@/lib/accounts/queries";
import { listMyAlerts } from "@/lib/alerts/queries";
import { env } from "@/lib/env";
import { requirePageUser } from "@/lib/auth/guards";
import { getLocale, getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).accounts.account.title };
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section id={id} className="scroll-mt-20 space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const [profile, sessions, phone, consents, alerts, messages, locale] = await Promise.all([
    getProfileOrThrow(user.id), listSessions(user.id, user.sessionId), getPhoneStatus(user.id), getConsents(user.id), listMyAlerts(user.id), getMessages(), getLocale(),
  ]);
  const t = messages.accounts;
  return (
    <main className="mx-auto w-full max-w-2xl space-y-6 px-4 py-10">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t.account.title}</h1>
        <SignOutButton label={t.nav.signOut} />
      </div>
      <nav aria-label={t.nav.shortcuts} className="flex gap-3 text-sm" data-testid="account-shortcuts">
        <Link href="/orders" className="rounded-lg border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-50">
          {t.nav.orders}
        </Link>
        <Link href="/wishlist" className="rounded-lg border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-50">
          {t.nav.wishlist}
        </Link>
      </nav>
      <Section title={t.account.profile}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-zinc-500">{t.account.email}</dt>
          <dd data-testid="profile-email">
            {profile.email}{" "}
            <span className={`ml-1 rounded px-1.5 py-0.5 text-xs ${profile.emailVerified ? "bg-green-50 text-green-700" : "bg-amber-50 text-amber-700"}`}>
              {profile.emailVerified ? t.account.verified : t.account.unverified}
            </span>
          </dd>
          <dt className="text-zinc-500">{t.account.role}</dt>
          <dd>{t.roles[profile.role]}</dd>
        </dl>
        {!profile.emailVerified && (
          <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-800">
            <p>{t.verify.banner}</p>
            <ResendButton t={t} />
          </div>
        )}
        <ProfileForm t={t} profile={profile} />
      </Section>
      <Section title={messages.alerts.account.title} id="alerts">
        <MyAlerts alerts={alerts} t={messages.alerts} locale={locale} />
      </Section>
      <Section title={messages.address.bookTitle} id="addresses">
        <Link href="/account/addresses" className="text-sm font-medium underline" data-testid="address-book-link">
          {messages.address.bookLink}
        </Link>
      </Section>
      <Section title={messages.phone.title} id="phone">
        <PhoneVerification t={messages.phone} initial={phone} locale={locale} outboxLink={env.NODE_ENV !== "production" || env.HURRYUP_DEMO} />
      </Section>
      <Section title={t.consent.sectionTitle} id="consents">
        <MarketingConsent t={t} consents={consents} locale={locale} />
      </Section>
      <Section title={profile.hasPassword ? t.account.password : t.account.setPassword} id="password">
        {profile.hasPassword ? <PasswordForm t={t} /> : <SetPasswordForm t={t} />}
      </Section>
      <Section title={t.account.sessions}>
        <SessionsList t={t} sessions={sessions} locale={locale} />
      </Section>
      <Section title={t.account.delete}>
        <DeleteAccountForm t={t} hasPassword={profile.hasPassword} email={profile.email} />
      </Section>
    </main>
  );
}
