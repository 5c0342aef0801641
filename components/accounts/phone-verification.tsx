"use client";
// The account page's phone verification: number → SMS code → verified. Talks to /api/me/phone (the same
// services as every other client); field errors are message codes shown in the reader's language. The
// number's control is f-mobile: the profile form on the same page has its own f-phone.
import { useState } from "react";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import type { PhoneStatus } from "@/lib/accounts/phone";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

type Problem = { fields?: Record<string, string[]>; retryAfter?: number; attemptsLeft?: number; failed?: boolean };

async function call(url: string, method: string, body?: unknown): Promise<{ status: PhoneStatus } | { problem: Problem }> {
  try {
    const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json().catch(() => null);
    if (res.ok) return { status: json as PhoneStatus };
    const e = json?.error ?? {};
    return { problem: { fields: e.fields, attemptsLeft: e.attemptsLeft, retryAfter: res.status === 429 ? Number(res.headers.get("retry-after") ?? 60) : undefined, failed: !e.fields && res.status !== 429 } };
  } catch {
    return { problem: { failed: true } };
  }
}

const btn = "rounded-lg px-4 py-2 text-sm font-medium disabled:opacity-50";

export function PhoneVerification({ t, initial, locale, outboxLink }: { t: Messages["phone"]; initial: PhoneStatus; locale: Locale; outboxLink: boolean }) {
  const [status, setStatus] = useState(initial);
  const [editing, setEditing] = useState(!initial.phone);
  const [problem, setProblem] = useState<Problem>({});
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  async function run(url: string, method: string, body?: unknown, done?: string) {
    setBusy(true);
    setNote(null);
    const r = await call(url, method, body);
    setBusy(false);
    if ("problem" in r) return setProblem(r.problem);
    setProblem({});
    setStatus(r.status);
    if (done) setNote(done);
    if (r.status.phone && !r.status.pending) setEditing(false);
  }
  const send = (form: FormData) => run("/api/me/phone/code", "POST", { phone: String(form.get("phone") ?? "") });
  const confirm = (form: FormData) => run("/api/me/phone/verify", "POST", { code: String(form.get("code") ?? "") }, t.done);

  return (
    <div className="space-y-4 text-sm">
      <p className="text-zinc-600">{t.intro}</p>
      {status.phone ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="text-zinc-500">{t.verified}</dt>
          <dd data-testid="phone-verified">{status.phone}</dd>
          <dt className="text-zinc-500">{t.verifiedAt}</dt>
          <dd>{status.verifiedAt && formatDateTime(status.verifiedAt, locale)}</dd>
        </dl>
      ) : (
        <p className="text-zinc-500">{t.none}</p>
      )}
      {note && <p role="status" className="text-green-700">{note}</p>}
      {!editing && status.phone && (
        <div className="flex gap-2">
          <button type="button" className={`${btn} border border-zinc-300`} onClick={() => setEditing(true)}>{t.change}</button>
          <button type="button" className={`${btn} border border-red-200 text-red-700`} disabled={busy} onClick={() => run("/api/me/phone", "DELETE", undefined, t.removed)}>{t.remove}</button>
        </div>
      )}
      {editing && (
        <Form action={send} errors={problem.fields} className="space-y-1">
          <label htmlFor="f-mobile" className="block font-medium text-zinc-700">{t.phone}</label>
          <div className="flex gap-2">
            <input {...controlProps("phone", problem.fields?.phone, { id: "f-mobile" })} name="phone" type="tel" inputMode="tel" autoComplete="tel" placeholder={t.phonePlaceholder} className={inputClass} data-testid="phone-input" required />
            <button type="submit" disabled={busy} className={`${btn} shrink-0 bg-zinc-900 text-white`} data-testid="phone-send">{status.pending ? t.resend : t.send}</button>
          </div>
          <FieldErrors name="phone" codes={problem.fields?.phone} messages={t.fieldErrors} controlId="f-mobile" />
        </Form>
      )}
      {status.pending && (
        <Form action={confirm} errors={problem.fields} className="space-y-1">
          <p className="text-zinc-600" data-testid="phone-sent">{fill(t.sentTo, { phone: status.pending.phone, time: formatDateTime(status.pending.expiresAt, locale) })}</p>
          <label htmlFor="f-code" className="block font-medium text-zinc-700">{t.code}</label>
          <div className="flex gap-2">
            <input {...controlProps("code", problem.fields?.code)} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} className={inputClass} data-testid="phone-code" required />
            <button type="submit" disabled={busy} className={`${btn} shrink-0 bg-brand-600 text-white`} data-testid="phone-confirm">{t.confirm}</button>
          </div>
          <FieldErrors name="code" codes={problem.fields?.code} messages={t.fieldErrors} />
          {problem.attemptsLeft !== undefined && problem.attemptsLeft > 0 && <p className="text-xs text-zinc-500">{fill(t.attemptsLeft, { n: problem.attemptsLeft })}</p>}
          {outboxLink && <p className="text-xs text-zinc-500"><a href="/dev/sms" target="_blank" className="text-brand-600 underline">{t.outbox}</a></p>}
        </Form>
      )}
      {problem.retryAfter !== undefined && <p role="alert" className="text-red-600">{fill(t.rateLimited, { seconds: problem.retryAfter })}</p>}
      {problem.failed && <p role="alert" className="text-red-600">{t.failed}</p>}
    </div>
  );
}
