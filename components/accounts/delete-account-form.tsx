"use client";
import { useActionState } from "react";
import { deleteAccountAction } from "@/lib/accounts/actions";
import { failureOf, formErrorKey } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { Field, FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

export function DeleteAccountForm({ t }: { t: Messages["accounts"] }) {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  return (
    <Form action={action} errors={failureOf(state)} className="space-y-4">
      <p className="text-sm text-zinc-600">{t.account.deleteWarning}</p>
      {formErrorKey(state) && <FormAlert>{t.errors[formErrorKey(state)!]}</FormAlert>}
      <Field t={t} name="password" type="password" label={t.fields.password} autoComplete="current-password" errors={failureOf(state)?.error.fields?.password} />
      <SubmitButton pending={pending} variant="danger">
        {t.account.deleteSubmit}
      </SubmitButton>
    </Form>
  );
}
