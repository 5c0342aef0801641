"use client";
import { useActionState } from "react";
import { changePasswordAction } from "@/lib/accounts/actions";
import { failureOf, formErrorKey } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { Field, FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

export function PasswordForm({ t }: { t: Messages["accounts"] }) {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const f = failureOf(state)?.error.fields ?? {};
  return (
    <Form action={action} errors={failureOf(state)} className="space-y-4">
      {state?.ok && <FormAlert kind="ok">{t.account.passwordChanged}</FormAlert>}
      {formErrorKey(state) && <FormAlert>{t.errors[formErrorKey(state)!]}</FormAlert>}
      <Field t={t} name="currentPassword" type="password" label={t.fields.currentPassword} autoComplete="current-password" errors={f.currentPassword} />
      <Field t={t} name="newPassword" type="password" label={t.fields.newPassword} autoComplete="new-password" hint={t.passwordHint} errors={f.newPassword} />
      <SubmitButton pending={pending}>{t.account.passwordSubmit}</SubmitButton>
    </Form>
  );
}
