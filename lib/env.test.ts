// The storage variables of lib/env.ts: S3 needs a bucket and a whole key pair, and Vercel in production
// refuses the local folder (its disk is neither writable nor shared). lib/env.ts reads process.env once
// when it loads, so each case loads it afresh.
import { afterEach, describe, expect, it, vi } from "vitest";

async function load(vars: Record<string, string>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
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
