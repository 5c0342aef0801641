"use client";
import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/lib/accounts/actions";
import { Form } from "@/components/ui/form";
import { failureOf } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { Field, FormAlert, SubmitButton } from "./field";

/** `initialError` comes from Auth.js's redirect (?error=CredentialsSignin&code=…) for non-JS posts. */
export function SignInForm({ t, callbackUrl, initialError }: { t: Messages["accounts"]; callbackUrl: string; initialError?: string }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const failed = failureOf(state);
  const code = failed?.error.code;
  const f = failed?.error.fields ?? {};
  // Before a submit, the error of a non-JS post that Auth.js redirected here. Field errors (an empty or
  // malformed field) are said under their fields, with no form-wide message.
  const key = state === null ? (initialError ?? null) : !code || failed?.error.fields ? null : code === "RATE_LIMITED" ? "rateLimited" : code === "UNAUTHENTICATED" ? "invalid" : "generic";
  const error = key === "rateLimited" ? t.signin.rateLimited : key === "invalid" ? t.signin.invalid : key ? t.errors.generic : null;
  return (
    <Form action={action} errors={failed} className="space-y-4">
      {error && <FormAlert>{error}</FormAlert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field t={t} name="email" type="email" label={t.fields.email} autoComplete="email" defaultValue={failed?.values?.email} errors={f.email} required />
      <Field t={t} name="password" type="password" label={t.fields.password} autoComplete="current-password" errors={f.password} required />
      <SubmitButton pending={pending}>{t.signin.submit}</SubmitButton>
      <p className="text-sm">
        <Link href="/forgot-password" className="text-zinc-600 underline">
          {t.forgot.link}
        </Link>
      </p>
      <p className="text-sm text-zinc-600">
        {t.signin.noAccount}{" "}
        <Link href="/signup" className="font-semibold text-brand-600 underline">
          {t.nav.signUp}
        </Link>
      </p>
    </Form>
  );
}
