// Mail jobs. The outbox payload holds no personal data in clear: the handler reads the address from the
// user row (decrypting it) and the token arrives encrypted, so neither sits readable in the job tables.
import { z } from "zod";
import { text } from "@/lib/validation";
import { decrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/types";
import { isLocale } from "@/lib/i18n/config";
import { log } from "@/lib/log";
import { verificationMail } from "./templates";
import { sendMail } from "./transport";

export const VERIFY_EMAIL_QUEUE = "mail-verify-email";

export const verifyEmailPayload = z.object({ mailId: z.uuid(), userId: z.uuid(), tokenEnc: text(2000), locale: text(10) });
export type VerifyEmailPayload = z.infer<typeof verifyEmailPayload>;

export async function sendVerificationMail(raw: unknown): Promise<void> {
  const data = verifyEmailPayload.parse(raw);
  const user = await db.user.findUnique({ where: { id: data.userId }, select: { emailEnc: true, emailVerifiedAt: true, deletedAt: true } });
  // Deleted, or already verified through an earlier mail: nothing to send (and nothing to retry).
  if (!user?.emailEnc || user.deletedAt || user.emailVerifiedAt) {
    log.info({ userId: data.userId }, "verification mail skipped");
    return;
  }
  const mail = verificationMail(isLocale(data.locale) ? data.locale : "ko", decrypt(data.tokenEnc));
  await sendMail({ id: data.mailId, to: decrypt(user.emailEnc), ...mail });
}

export const mailJobs = [
  defineJob({ queue: VERIFY_EMAIL_QUEUE, handler: sendVerificationMail, options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } }),
];
