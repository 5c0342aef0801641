// One format for delivery details at rest, shared by the address book (Address.dataEnc) and the order's
// snapshot (Order.deliveryEnc): the fields as JSON, encrypted with lib/crypto/aead (AES-256-GCM, key id in
// the ciphertext). One format means an order can copy an entry's ciphertext without decrypting it, and key
// rotation (lib/accounts/rotate-keys.ts) handles both columns alike. No "server-only": the rotation
// script runs outside Next.
import { decrypt, encrypt } from "@/lib/crypto/aead";
import type { Delivery } from "./schemas";

const FIELDS = ["recipient", "phone", "postcode", "address", "detail", "memo"] as const;

export function encryptDelivery(d: Delivery): string {
  return encrypt(JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, d[f]]))));
}

/** Throws when tampered with, under an unknown key, or not a delivery document. */
export function decryptDelivery(value: string): Delivery {
  const parsed = JSON.parse(decrypt(value)) as Record<string, unknown>;
  const out = {} as Record<(typeof FIELDS)[number], string>;
  for (const f of FIELDS) {
    if (typeof parsed[f] !== "string") throw new Error(`delivery document without ${f}`);
    out[f] = parsed[f];
  }
  return out;
}

export const decryptDeliveryOptional = (value: string | null | undefined): Delivery | null => (value ? decryptDelivery(value) : null);

/** "(06236) 서울특별시 강남구 테헤란로 1 101동 1001호": the one-line form (lists, logs never). */
export const oneLine = (d: Pick<Delivery, "postcode" | "address" | "detail">) => `(${d.postcode}) ${d.address}${d.detail ? ` ${d.detail}` : ""}`;
