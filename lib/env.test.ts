// The storage variables of lib/env.ts: S3 needs a bucket and a whole key pair, and Vercel in production
// refuses the local folder (its disk is neither writable nor shared). lib/env.ts reads process.env once
// when it loads, so each case loads it afresh.
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubEnvs } from "@/test/env";

async function load(vars: Record<string, string>) {
  stubEnvs(vars);
  vi.resetModules();
  return (await import("@/lib/env")).env;
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("storage settings", () => {
  it("defaults to the local folder and reads the S3 settings when asked", async () => {
    expect((await load({ STORAGE: "" })).STORAGE).toBe("local");
    const e = await load({ STORAGE: "s3", S3_BUCKET: "shop-images", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "1", S3_KEY_PREFIX: "hurryup/" });
    expect(e).toMatchObject({ STORAGE: "s3", S3_BUCKET: "shop-images", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: true, S3_KEY_PREFIX: "hurryup/" });
  });

  it("refuses S3 without a bucket, half a key pair, and a prefix that is not folders", async () => {
    await expect(load({ STORAGE: "s3", S3_BUCKET: "" })).rejects.toThrow(/S3_BUCKET \(required with STORAGE=s3\)/);
    await expect(load({ STORAGE: "s3", S3_BUCKET: "b-1", S3_ACCESS_KEY_ID: "AKIA" })).rejects.toThrow(/S3_SECRET_ACCESS_KEY/);
    await expect(load({ STORAGE: "s3", S3_BUCKET: "b-1", S3_KEY_PREFIX: "../x" })).rejects.toThrow(/S3_KEY_PREFIX/);
  });

  it("refuses the local folder on Vercel in production, and not elsewhere", async () => {
    const vercelProd = { VERCEL: "1", NODE_ENV: "production", HURRYUP_DEMO: "1" };
    await expect(load({ ...vercelProd, STORAGE: "local" })).rejects.toThrow(/STORAGE \(Vercel has no shared disk/);
    expect((await load({ ...vercelProd, STORAGE: "s3", S3_BUCKET: "shop-images" })).STORAGE).toBe("s3");
    expect((await load({ VERCEL: "1", NODE_ENV: "development", STORAGE: "local" })).STORAGE).toBe("local");
    expect((await load({ VERCEL: "0", NODE_ENV: "production", HURRYUP_DEMO: "1", STORAGE: "local" })).STORAGE).toBe("local");
  });
});

describe("the legal footer's business information", () => {
  const prodSecrets = {
    NODE_ENV: "production", HURRYUP_DEMO: "0", AUTH_SECRET: "x".repeat(32), BLIND_INDEX_KEY: "y".repeat(32),
    DATA_ENCRYPTION_KEYS: "k1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
  };

  it("is required in production, with demo placeholders only for the demo", async () => {
    await expect(load(prodSecrets)).rejects.toThrow(/SHOP_BUSINESS_NAME.*SHOP_PRIVACY_OFFICER/);
    expect((await load({ ...prodSecrets, HURRYUP_DEMO: "1" })).SHOP_BUSINESS_NUMBER).toBe("000-00-00000");
  });

  it("takes the configured values and refuses a malformed business number", async () => {
    const shop = {
      SHOP_BUSINESS_NAME: "(주)예시", SHOP_REPRESENTATIVE: "김대표", SHOP_BUSINESS_NUMBER: "123-45-67890", SHOP_MAIL_ORDER_NUMBER: "제2026-서울마포-1234호",
      SHOP_ADDRESS: "서울 마포구", SHOP_PHONE: "02-123-4567", SHOP_EMAIL: "help@example.kr", SHOP_PRIVACY_OFFICER: "이보호",
    };
    expect(await load({ ...prodSecrets, ...shop })).toMatchObject(shop);
    await expect(load({ ...prodSecrets, ...shop, SHOP_BUSINESS_NUMBER: "1234567890" })).rejects.toThrow(/SHOP_BUSINESS_NUMBER \(expected 000-00-00000\)/);
  });
});
