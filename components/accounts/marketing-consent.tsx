"use client";
// The optional marketing consent, changeable any time; the required ones are shown with when they were given.
import { useActionState } from "react";
import { setMarketingConsentAction } from "@/lib/accounts/actions";
import { formErrorKey } from "@/lib/action-state";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { FormAlert, SubmitButton } from "./field";
import { Form } from "@/components/ui/form";

type Consent = { kind: string; granted: boolean; version: string; at: string };

export function MarketingConsent({ t, consents, locale }: { t: Messages["accounts"]; consents: Consent[]; locale: Locale }) {
  const [state, action, pending] = useActionState(setMarketingConsentAction, null);
  const marketing = consents.find((c) => c.kind === "MARKETING");
  const terms = consents.find((c) => c.kind === "TERMS");
  const on = marketing?.granted ?? false;
  return (
    <Form action={action} className="space-y-3 text-sm" data-testid="marketing-consent">
      {formErrorKey(state) && <FormAlert>{t.errors.generic}</FormAlert>}
      <p data-testid="marketing-state">{on ? t.consent.marketingOn : t.consent.marketingOff}</p>
      {marketing && (
        <p className="text-xs text-zinc-500">
          {t.consent.changedAt}: {formatDateTime(new Date(marketing.at), locale)} · {t.legal.version} {marketing.version}
        </p>
      )}
      {terms && (
        <p className="text-xs text-zinc-500">
          {t.consent.requiredAt}: {formatDateTime(new Date(terms.at), locale)} · {t.legal.version} {terms.version}
        </p>
      )}
      <input type="hidden" name="marketing" value={on ? "0" : "1"} />
      <SubmitButton pending={pending} variant="plain">
        {on ? t.consent.withdraw : t.consent.grant}
      </SubmitButton>
    </Form>
  );
}
