"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { signUpAction } from "@/lib/accounts/actions";
import { failureOf, formErrorKey } from "@/lib/action-state";
import type { Messages } from "@/lib/i18n/messages";
import { ConsentFields } from "./consent-fields";
import { Field, FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

export function SignUpForm({ t }: { t: Messages["accounts"] }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const [role, setRole] = useState<"BUYER" | "SELLER">("BUYER");
  const f = failureOf(state)?.error.fields ?? {};
  const v = failureOf(state)?.values ?? {};

  if (state?.ok) {
    return (
      <div className="space-y-4" data-testid="signup-done">
        <h2 className="text-lg font-semibold">{t.signup.doneTitle}</h2>
        <p className="text-sm text-zinc-600">{t.signup.doneBody}</p>
        <Link href="/signin" className="inline-block text-sm font-semibold text-brand-600 underline">
          {t.signup.goSignIn}
        </Link>
      </div>
    );
  }

  return (
    <Form action={action} errors={failureOf(state)} className="space-y-4">
      {formErrorKey(state) && <FormAlert>{formErrorKey(state) === "rateLimited" ? t.errors.rateLimited : t.errors.generic}</FormAlert>}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-zinc-700">{t.signup.accountType}</legend>
        <div className="flex gap-2">
          {(["BUYER", "SELLER"] as const).map((r) => (
            <label key={r} className={`flex-1 cursor-pointer rounded-lg border px-3 py-2 text-center text-sm ${role === r ? "border-brand-500 bg-brand-50 font-semibold" : "border-zinc-300 bg-white"}`}>
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} className="sr-only" />
              {r === "BUYER" ? t.signup.asBuyer : t.signup.asSeller}
            </label>
          ))}
        </div>
      </fieldset>
      <Field t={t} name="email" defaultValue={v.email} type="email" label={t.fields.email} autoComplete="email" errors={f.email} required />
      <Field t={t} name="password" type="password" label={t.fields.password} autoComplete="new-password" hint={t.passwordHint} errors={f.password} required />
      <Field t={t} name="name" defaultValue={v.name} label={t.fields.name} autoComplete="name" errors={f.name} required />
      <Field t={t} name="phone" defaultValue={v.phone} type="tel" label={t.fields.phone} autoComplete="tel" placeholder="010-1234-5678" errors={f.phone} required />
      <Field t={t} name="address" defaultValue={v.address} label={t.fields.address} autoComplete="street-address" errors={f.address} />
      {role === "SELLER" && <Field t={t} name="shopName" defaultValue={v.shopName} label={t.fields.shopName} errors={f.shopName} required />}
      <ConsentFields t={t} errors={f} initial={consentsOf(v)} />
      <SubmitButton pending={pending}>{t.signup.submit}</SubmitButton>
      <p className="text-sm text-zinc-600">
        {t.signup.haveAccount}{" "}
        <Link href="/signin" className="font-semibold text-brand-600 underline">
          {t.nav.signIn}
        </Link>
      </p>
    </Form>
  );
}

/** The boxes ticked before a failed submit (the echoed form values), so a correction does not clear them. */
export function consentsOf(values: Record<string, string>) {
  const on = (k: string) => values[k] === "on";
  return { agreeTerms: on("agreeTerms"), agreePrivacy: on("agreePrivacy"), confirmAge14: on("confirmAge14"), agreeMarketing: on("agreeMarketing") };
}
