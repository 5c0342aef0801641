// Keyed blind index: emails are stored encrypted and found by HMAC-SHA256 of their normalized form, so a
// database dump alone cannot confirm whether an address has an account.
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function blindIndex(value: string, key: string = env.BLIND_INDEX_KEY): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

export const emailIndex = (email: string, key?: string) => blindIndex(normalizeEmail(email), key);

/** A verified mobile number's index (E.164 in, e.g. "+821012345678"); prefixed so it never equals an email's. */
export const phoneIndex = (e164: string, key?: string) => blindIndex(`tel:${e164}`, key);
