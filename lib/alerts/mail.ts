// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// One alert's mail, sent by the worker from the outbox event its claim wrote (lib/alerts/fanout.ts). The
// payload names the alert only: the address is read (and decrypted) here, the language is the account's.
import { z } from "zod";
import { decrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { log } from "@/lib/log";
import { alertMail } from "@/lib/mail/alert-mail";
import { sendMail } from "@/lib/mail/transport";
import { variantLabel } from "@/lib/variants/types";
import { unsubscribeToken } from "./token";

const payloadSchema = z.object({ alertId: z.uuid() });

/** Sends the alert's mail (its id derived from the alert: stored or sent once); skipped once cancelled or for an erased account. */
export async function sendAlertMail(raw: unknown): Promise<boolean> {
  const { alertId } = payloadSchema.parse(raw);
  const a = await db.alertSubscription.findUnique({
    where: { id: alertId },
    select: {
      kind: true, productId: true, cancelledAt: true,
      variant: { select: { optionValues: true } },
      product: { select: { name: true, saleStartsAt: true, options: { select: { name: true }, orderBy: { position: "asc" } } } },
      user: { select: { emailEnc: true, deletedAt: true, locale: true } },
    },
  });
  if (!a || a.cancelledAt || !a.user.emailEnc || a.user.deletedAt) {
    log.info({ alertId }, "alert mail skipped (cancelled or no recipient)");
    return false;
  }
  const mail = alertMail(isLocale(a.user.locale) ? a.user.locale : defaultLocale, {
    alertId,
    kind: a.kind,
    productId: a.productId,
    productName: a.product.name,
    sizeLabel: a.variant ? variantLabel(a.product.options, a.variant.optionValues) : null,
    opensAt: a.product.saleStartsAt,
    token: unsubscribeToken(alertId),
  });
  await sendMail({ ...mail, to: decrypt(a.user.emailEnc) });
  return true;
}
