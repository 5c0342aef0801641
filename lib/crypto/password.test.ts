import { describe, expect, test } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("argon2id passwords", () => {
  test("hash with OWASP parameters, verify right and wrong passwords", async () => {
    const h = await hashPassword("Hurryup!2026");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, "Hurryup!2026")).toBe(true);
    expect(await verifyPassword(h, "Hurryup!2027")).toBe(false);
  });
  test("no hash (unknown or deleted account) never verifies", async () => {
    expect(await verifyPassword(null, "Hurryup!2026")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
