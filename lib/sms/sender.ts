// Sending text messages, behind one small port so a real provider (an SMS gateway, or a 본인인증 service
// such as PASS or NICE that sends its own code) plugs in without touching the phone verification rules.
// The shop ships one implementation: the outbox, a DevSms row shown at /dev/sms — used by the demo and the
// tests, and never where real buyers are (production without HURRYUP_DEMO refuses to send through it).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** `to` is E.164 (+8210…); `id` makes a retried send deliver once. */
export type Sms = { id: string; to: string; text: string };

export interface SmsSender {
  readonly name: string;
  send(sms: Sms): Promise<void>;
}

/** Stores the message for the SMS outbox page (/dev/sms); idempotent per id. */
export const outboxSender: SmsSender = {
  name: "outbox",
  async send(sms) {
    if (env.NODE_ENV === "production" && !env.HURRYUP_DEMO) {
      throw new AppError("UNAVAILABLE", "No SMS provider is configured");
    }
    await db.devSms.createMany({ data: [sms], skipDuplicates: true });
  },
};

const g = globalThis as unknown as { hurryupSmsSender?: SmsSender };

/** The process's sender: the outbox unless a provider was installed with setSmsSender. */
export const smsSender = (): SmsSender => g.hurryupSmsSender ?? outboxSender;

/** Installs a provider (at start-up), or tests' own recorder; undefined restores the outbox. */
export function setSmsSender(sender: SmsSender | undefined) {
  g.hurryupSmsSender = sender;
}
