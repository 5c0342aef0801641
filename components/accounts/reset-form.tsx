"use client";
import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction } from "@/lib/accounts/reset-actions";
import { failureOf } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { Field, FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

// A form, not the GET of the link: a mail scanner that opens links must not use up the token.
export function ResetForm({ t, token }: { t: Messages["accounts"]; token: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert kind="ok">{t.reset.done}</FormAlert>
        <Link href="/signin" className="inline-block text-sm font-semibold text-brand-600 underline">
          {t.signup.goSignIn}
        </Link>
      </div>
    );
  }
  const fields = failureOf(state)?.error.fields ?? {};
  return (
    <Form action={action} errors={failureOf(state)} className="space-y-4">
      {fields.token && (
        <FormAlert>
          {t.reset.invalid}{" "}
          <Link href="/forgot-password" className="font-semibold underline">
            {t.reset.again}
          </Link>
        </FormAlert>
      )}
      <input type="hidden" name="token" value={token} />
      <Field t={t} name="password" type="password" label={t.fields.newPassword} autoComplete="new-password" hint={t.passwordHint} errors={fields.password} required />
      <SubmitButton pending={pending}>{t.reset.submit}</SubmitButton>
    </Form>
  );
}
