"use client";
// The unsubscribe page's button. A button, not the GET of the mail's link itself: mail scanners that
// prefetch links must not cancel anybody's alert.
import Link from "next/link";
import { useActionState } from "react";
import { Form } from "@/components/ui/form";
import { FormAlert, SubmitButton } from "@/components/accounts/field";
import { failureOf } from "@/lib/action-state";
import { unsubscribeAction } from "@/lib/alerts/actions";
import type { Messages } from "@/lib/i18n/messages";

export function UnsubscribeForm({ token, t }: { token: string; t: Messages["alerts"]["unsubscribe"] }) {
  const [state, action, pending] = useActionState(unsubscribeAction, null);
  if (state?.ok) return <UnsubscribeDone t={t} />;
  return (
    <Form action={action} className="space-y-4">
      {failureOf(state) && <FormAlert>{t.invalid}</FormAlert>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending}>{t.button}</SubmitButton>
    </Form>
  );
}

export function UnsubscribeDone({ t }: { t: Messages["alerts"]["unsubscribe"] }) {
  return (
    <div className="space-y-4">
      <FormAlert kind="ok">{t.done}</FormAlert>
      <Link href="/" className="inline-block text-sm font-semibold text-brand-600 underline">{t.toShop}</Link>
    </div>
  );
}
