// Demo accounts (docs/demo-accounts.md): a seller with a shop, three buyers and an admin, all verified,
// with real argon2id passwords and encrypted personal data (buyers 1 and 2 with a default delivery address). Idempotent: re-running updates them in place.
import { encryptDelivery } from "@/lib/addresses/codec";
import { encrypt } from "@/lib/crypto/aead";
import { toE164 } from "@/lib/accounts/phone-number";
import { emailIndex, phoneIndex } from "@/lib/crypto/blind-index";
import { hashPassword } from "@/lib/crypto/password";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";

export const DEMO_PASSWORD = "Hurryup!2026";
export const DEMO_SHOP_NAME = "Hurry Up 공식 스토어";

/** verifiedPhone: the contact phone is also the account's verified mobile number (lib/accounts/phone.ts). */
type DemoUser = { email: string; role: Role; name: string; phone: string; address?: string; postcode?: string; verifiedPhone?: boolean };

export const demoUsers: DemoUser[] = [
  { email: "seller@hurryup.dev", role: "SELLER", name: "김판매", phone: "010-1000-0001" },
  { email: "buyer1@hurryup.dev", role: "BUYER", name: "이구매", phone: "010-2000-0001", address: "서울특별시 강남구 테헤란로 1", postcode: "06236", verifiedPhone: true },
  { email: "buyer2@hurryup.dev", role: "BUYER", name: "박구매", phone: "010-2000-0002", address: "부산광역시 해운대구 해운대로 2", postcode: "48094" },
  { email: "buyer3@hurryup.dev", role: "BUYER", name: "최구매", phone: "010-2000-0003" },
  { email: "admin@hurryup.dev", role: "ADMIN", name: "운영자", phone: "010-9000-0001" },
];

export async function seedUsers(db: Db): Promise<{ sellerId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let sellerId = "";
  for (const u of demoUsers) {
    const e164 = u.verifiedPhone ? toE164(u.phone) : null;
    const phone = e164 ? { phoneHash: phoneIndex(e164), verifiedPhoneEnc: encrypt(e164), phoneVerifiedAt: new Date() } : {};
    // One verified number, one account: whoever verified the demo number since the last seed gives it up.
    if ("phoneHash" in phone) {
      await db.user.updateMany({ where: { phoneHash: phone.phoneHash, emailHash: { not: emailIndex(u.email) } }, data: { phoneHash: null, verifiedPhoneEnc: null, phoneVerifiedAt: null } });
    }
    const data = {
      ...phone,
      role: u.role,
      emailEnc: encrypt(u.email),
      passwordHash,
      nameEnc: encrypt(u.name),
      phoneEnc: encrypt(u.phone),
      addressEnc: u.address ? encrypt(u.address) : null,
      emailVerifiedAt: new Date(),
      deletedAt: null,
    };
    const user = await db.user.upsert({ where: { emailHash: emailIndex(u.email) }, create: { emailHash: emailIndex(u.email), ...data }, update: data });
    // The address book holds the demo address as its one default entry (reset on every seed).
    await db.address.deleteMany({ where: { userId: user.id } });
    if (u.address) {
      const delivery = { recipient: u.name, phone: toE164(u.phone)!, postcode: u.postcode!, address: u.address, detail: "", memo: "" };
      await db.address.create({ data: { userId: user.id, dataEnc: encryptDelivery(delivery), isDefault: true } });
    }
    if (u.role === "SELLER") {
      const seller = await db.seller.upsert({ where: { userId: user.id }, create: { userId: user.id, shopName: DEMO_SHOP_NAME }, update: { shopName: DEMO_SHOP_NAME } });
      sellerId = seller.id;
    }
  }
  return { sellerId };
}
