// The test hooks are off unless asked for, and a production build refuses to start with them.
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubEnvs } from "@/test/env";

const secrets = {
  AUTH_SECRET: "a-production-auth-secret-0123456789abcdef",
  DATA_ENCRYPTION_KEYS: "k1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
  BLIND_INDEX_KEY: "a-production-blind-index-key-0123456789ab",
  // The legal footer a production shop must configure (lib/site/legal.ts).
  SHOP_BUSINESS_NAME: "(주)허리업", SHOP_REPRESENTATIVE: "김대표", SHOP_BUSINESS_NUMBER: "123-45-67890", SHOP_MAIL_ORDER_NUMBER: "2026-서울강남-00001",
  SHOP_ADDRESS: "서울특별시 중구 세종대로 110", SHOP_PHONE: "02-1234-5678", SHOP_EMAIL: "help@example.com", SHOP_PRIVACY_OFFICER: "김개인",
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("test hooks guard", () => {
  it("off by default: the hook routes answer 404 and take no step", async () => {
    const { POST } = await import("@/app/api/test-hooks/orders/[id]/advance/route");
    const req = new Request("http://localhost:3000/api/test-hooks/orders/HU-1/advance", {
      method: "POST",
      headers: { origin: "http://localhost:3000", "content-type": "application/json" },
      body: JSON.stringify({ step: "ship" }),
    });
    const res = await POST(req, { params: Promise.resolve({ id: "HU-1" }) });
    expect(res.status).toBe(404);
  });

  it("a production build refuses HURRYUP_TEST_HOOKS=1 unless it is the local demo/test build", async () => {
    stubEnvs({ ...secrets, NODE_ENV: "production", HURRYUP_TEST_HOOKS: "1", HURRYUP_DEMO: "0" });
    await expect(import("@/lib/env")).rejects.toThrow(/HURRYUP_TEST_HOOKS/);
    vi.resetModules();
    vi.stubEnv("HURRYUP_DEMO", "1");
    expect((await import("@/lib/env")).env.HURRYUP_TEST_HOOKS).toBe(true);
  });
});
