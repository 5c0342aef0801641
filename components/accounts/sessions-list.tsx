// Active sessions with a sign-out button each (server component; plain form actions).
import { revokeSessionAction, signOutEverywhereAction } from "@/lib/accounts/actions";
import type { SessionInfo } from "@/lib/accounts/queries";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";
import { SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

export function SessionsList({ t, sessions, locale }: { t: Messages["accounts"]; sessions: SessionInfo[]; locale: Locale }) {
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white" data-testid="sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-4 px-4 py-3">
            <div className="min-w-0 text-sm">
              <p className="truncate font-medium">
                {describeAgent(s.userAgent) ?? t.account.unknownDevice}
                {s.current && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{t.account.thisDevice}</span>}
              </p>
              <p className="text-xs text-zinc-500">
                {t.account.signedInAt} {formatDateTime(s.createdAt, locale)} · {t.account.lastSeen} {formatDateTime(s.lastSeenAt, locale)}
              </p>
            </div>
            <Form action={revokeSessionAction}>
              <input type="hidden" name="sessionId" value={s.id} />
              <SubmitButton variant="plain">{t.account.revoke}</SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      <Form action={signOutEverywhereAction}>
        <SubmitButton variant="plain">{t.account.signOutEverywhere}</SubmitButton>
      </Form>
    </div>
  );
}

/** "Chrome on Linux"-style label from a user agent, without any library. */
function describeAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Firefox\//.test(ua) ? "Firefox" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Windows/.test(ua) ? "Windows" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}
