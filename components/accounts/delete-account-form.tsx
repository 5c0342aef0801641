"use client";
// Deleting the account: confirmed with the password, or — an account made through Kakao or Naver, which
// has none — by typing the account's own email address.
import { useActionState } from "react";
import { Form } from "@/components/ui/form";
import { deleteAccountAction } from "@/lib/accounts/actions";
import { failureOf, formErrorKey } from "@/lib/action-state";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { Field, FormAlert, SubmitButton } from "./field";

export function DeleteAccountForm({ t, hasPassword, email }: { t: Messages["accounts"]; hasPassword: boolean; email: string }) {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const failed = failureOf(state);
  return (
    <Form action={action} errors={failed} className="space-y-4" data-testid="delete-account">
      <p className="text-sm text-zinc-600">{t.account.deleteWarning}</p>
      {formErrorKey(state) && <FormAlert>{t.errors[formErrorKey(state)!]}</FormAlert>}
      {hasPassword ? (
        <Field t={t} name="password" type="password" label={t.fields.password} autoComplete="current-password" errors={failed?.error.fields?.password} />
      ) : (
        <Field t={t} name="confirmEmail" type="email" label={fill(t.account.deleteConfirmEmail, { email })} autoComplete="off" spellCheck={false} errors={failed?.error.fields?.confirmEmail} />
      )}
      <SubmitButton pending={pending} variant="danger">
        {t.account.deleteSubmit}
      </SubmitButton>
    </Form>
  );
}
