"use client";
import Link from "next/link";
import { useActionState } from "react";
import { verifyAction } from "@/lib/accounts/actions";
import { failureOf } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

// Verification is a button, not the GET of the link itself: mail scanners that prefetch links must not
// use up the single-use token.
export function VerifyForm({ t, token }: { t: Messages["accounts"]; token: string }) {
  const [state, action, pending] = useActionState(verifyAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <FormAlert kind="ok">{t.verify.success}</FormAlert>
        <Link href="/account" className="inline-block text-sm font-semibold text-brand-600 underline">
          {t.account.title}
        </Link>
      </div>
    );
  }
  return (
    <Form action={action} className="space-y-4">
      {failureOf(state) && <FormAlert>{t.verify.invalid}</FormAlert>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending}>{t.mail.verifyButton}</SubmitButton>
    </Form>
  );
}
