"use client";
import { useActionState } from "react";
import { updateProfileAction } from "@/lib/accounts/actions";
import { failureOf, formErrorKey } from "@/lib/action-state";
import type { Profile } from "@/lib/accounts/queries";
import type { Messages } from "@/lib/i18n/messages";
import { Field, FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

export function ProfileForm({ t, profile }: { t: Messages["accounts"]; profile: Profile }) {
  const [state, action, pending] = useActionState(updateProfileAction, null);
  const f = failureOf(state)?.error.fields ?? {};
  // After a failed save show what was typed; otherwise the saved profile.
  const v = failureOf(state)?.values ?? { name: profile.name, phone: profile.phone, address: profile.address ?? "", shopName: profile.shopName ?? "" };
  return (
    <Form action={action} errors={failureOf(state)} className="space-y-4">
      {state?.ok && <FormAlert kind="ok">{t.account.saved}</FormAlert>}
      {formErrorKey(state) && <FormAlert>{t.errors[formErrorKey(state)!]}</FormAlert>}
      <Field t={t} name="name" label={t.fields.name} defaultValue={v.name} autoComplete="name" errors={f.name} />
      <Field t={t} name="phone" type="tel" label={t.fields.phone} defaultValue={v.phone} autoComplete="tel" errors={f.phone} />
      <Field t={t} name="address" label={t.fields.address} defaultValue={v.address} autoComplete="street-address" errors={f.address} />
      {profile.shopName !== null && <Field t={t} name="shopName" label={t.fields.shopName} defaultValue={v.shopName} errors={f.shopName} />}
      <SubmitButton pending={pending}>{t.account.save}</SubmitButton>
    </Form>
  );
}
