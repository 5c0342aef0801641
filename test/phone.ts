// Phones for integration tests: random Korean mobile numbers, the code the SMS outbox received, and a
// verified number set directly (as confirmPhoneCode leaves it) for tests about what a verified phone does.
import { randomInt } from "node:crypto";
import { expect } from "vitest";
import { refreshUserSessions } from "@/lib/auth/session";
import { encrypt } from "@/lib/crypto/aead";
import { phoneIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";

/** "+8210XXXXXXXX" and its 010-XXXX-XXXX form. */
export function randomMobile() {
  const rest = String(randomInt(10_000_000, 100_000_000));
  return { e164: `+8210${rest}`, local: `010-${rest.slice(0, 4)}-${rest.slice(4)}` };
}

/** The six digits of the newest SMS the outbox holds for the number. */
export async function lastSmsCode(e164: string): Promise<string> {
  const sms = await db.devSms.findFirst({ where: { to: e164 }, orderBy: { createdAt: "desc" } });
  expect(sms, `an SMS to ${e164}`).not.toBeNull();
  const m = /\b(\d{6})\b/.exec(sms!.text);
  expect(m).not.toBeNull();
  return m![1];
}

/** Gives the account a verified number (and drops its cached sessions), as a confirmed code does. */
export async function givePhone(userId: string, e164 = randomMobile().e164): Promise<string> {
  const phoneHash = phoneIndex(e164);
  await db.user.update({ where: { id: userId }, data: { phoneHash, verifiedPhoneEnc: encrypt(e164), phoneVerifiedAt: new Date() } });
  await refreshUserSessions(userId);
  return phoneHash;
}
