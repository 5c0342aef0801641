"use client";
import { useActionState } from "react";
import { completeSocialSignUpAction } from "@/lib/accounts/social-actions";
import { failureOf, formErrorKey } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { ConsentFields } from "./consent-fields";
import { Field, FormAlert, SubmitButton } from "./field";
import { consentsOf } from "./sign-up-form";
import { Form } from "@/components/ui/form";

/** A new Kakao / Naver member: the consents and the profile, before the account exists. */
export function SocialSignUpForm({ t, ticket, name }: { t: Messages["accounts"]; ticket: string; name: string | null }) {
  const [state, action, pending] = useActionState(completeSocialSignUpAction, null);
  const failed = failureOf(state);
  const f = failed?.error.fields ?? {};
  const v = failed?.values ?? {};
  if (f.ticket) return <FormAlert>{t.social.expired}</FormAlert>;
  return (
    <Form action={action} errors={failed} className="space-y-4">
      {formErrorKey(state) && <FormAlert>{t.errors.generic}</FormAlert>}
      <input type="hidden" name="ticket" value={ticket} />
      <Field t={t} name="name" defaultValue={v.name ?? name ?? ""} label={t.fields.name} autoComplete="name" errors={f.name} required />
      <Field t={t} name="phone" defaultValue={v.phone} type="tel" label={t.fields.phone} autoComplete="tel" placeholder="010-1234-5678" errors={f.phone} required />
      <ConsentFields t={t} errors={f} initial={consentsOf(v)} />
      <SubmitButton pending={pending}>{t.social.submit}</SubmitButton>
    </Form>
  );
}
