"use client";
import { useActionState } from "react";
import { requestResetAction } from "@/lib/accounts/reset-actions";
import { failureOf, formErrorKey } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { Field, FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

/** The same answer whether or not the address has an account: the page never tells. */
export function ForgotForm({ t }: { t: Messages["accounts"] }) {
  const [state, action, pending] = useActionState(requestResetAction, null);
  if (state?.ok) return <FormAlert kind="ok">{t.forgot.doneBody}</FormAlert>;
  const failed = failureOf(state);
  return (
    <Form action={action} errors={failed} className="space-y-4">
      <p className="text-sm text-zinc-600">{t.forgot.intro}</p>
      {formErrorKey(state) && <FormAlert>{formErrorKey(state) === "rateLimited" ? t.errors.rateLimited : t.errors.generic}</FormAlert>}
      <Field t={t} name="email" type="email" label={t.fields.email} autoComplete="email" defaultValue={failed?.values?.email} errors={failed?.error.fields?.email} required />
      <SubmitButton pending={pending}>{t.forgot.submit}</SubmitButton>
    </Form>
  );
}
