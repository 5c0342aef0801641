"use client";
// An account made through Kakao or Naver has no password to change: it asks for the reset page's link by
// mail instead (proving the mailbox, as a reset does; docs/accounts.md).
import { useActionState } from "react";
import { Form } from "@/components/ui/form";
import { sendSetPasswordLinkAction } from "@/lib/accounts/actions";
import { formErrorKey } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { FormAlert, SubmitButton } from "./field";

export function SetPasswordForm({ t }: { t: Messages["accounts"] }) {
  const [state, action, pending] = useActionState(sendSetPasswordLinkAction, null);
  const error = formErrorKey(state);
  return (
    <Form action={action} className="space-y-4" data-testid="set-password">
      <p className="text-sm text-zinc-600">{t.account.noPassword}</p>
      {state?.ok && <FormAlert kind="ok">{t.account.setPasswordSent}</FormAlert>}
      {error && <FormAlert>{t.errors[error]}</FormAlert>}
      <SubmitButton pending={pending}>{t.account.setPasswordSubmit}</SubmitButton>
    </Form>
  );
}
