import { describe, expect, test } from "vitest";
import { signInWithPassword } from "@/lib/auth/credentials";
import { getProfileOrThrow } from "@/lib/accounts/queries";
import { decrypt } from "@/lib/crypto/aead";
import { toE164 } from "@/lib/accounts/phone-number";
import { emailIndex, phoneIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import { randomIp } from "@/test/http";
import { DEMO_PASSWORD, demoUsers, seedUsers } from "./users";

describe("demo users seed", () => {
  test("creates verified, encrypted, real logins idempotently and returns the seller", async () => {
    const first = await seedUsers(db);
    const again = await seedUsers(db);
    expect(again.sellerId).toBe(first.sellerId);
    const seller = await db.seller.findUniqueOrThrow({ where: { id: first.sellerId }, include: { user: true } });
    expect(decrypt(seller.user.emailEnc!)).toBe("seller@hurryup.dev");
    for (const u of demoUsers) {
      const rows = await db.user.findMany({ where: { emailHash: emailIndex(u.email) } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ role: u.role });
      expect(rows[0].emailVerifiedAt).not.toBeNull();
      expect(rows[0].nameEnc).not.toContain(u.name);
      const signedIn = await signInWithPassword(u.email, DEMO_PASSWORD, { ip: randomIp() });
      expect(signedIn?.userId).toBe(rows[0].id);
      expect((await getProfileOrThrow(rows[0].id)).name).toBe(u.name);
      // The demo buyer with a verified phone: findable by the number's blind index, encrypted at rest.
      const e164 = toE164(u.phone)!;
      expect(rows[0].phoneHash).toBe(u.verifiedPhone ? phoneIndex(e164) : null);
      if (u.verifiedPhone) expect(decrypt(rows[0].verifiedPhoneEnc!)).toBe(e164);
    }
    expect(demoUsers.some((u) => u.verifiedPhone)).toBe(true);
  });
});
