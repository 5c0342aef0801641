"use client";
import { useActionState } from "react";
import { resendAction } from "@/lib/accounts/actions";
import { formErrorKey } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

export function ResendButton({ t }: { t: Messages["accounts"] }) {
  const [state, action, pending] = useActionState(resendAction, null);
  return (
    <Form action={action} className="flex flex-wrap items-center gap-3">
      <SubmitButton pending={pending} variant="plain">
        {t.verify.resend}
      </SubmitButton>
      {state?.ok && <span role="status" className="text-sm text-green-700">{t.verify.resent}</span>}
      {formErrorKey(state) && <span role="alert" className="text-sm text-red-600">{formErrorKey(state) === "rateLimited" ? t.verify.rateLimited : t.errors.generic}</span>}
    </Form>
  );
}
