// The SMS outbox page is hidden in production unless the local demo build says otherwise.
import { describe, expect, test, vi } from "vitest";
import { describeDevPageGate } from "@/test/dev-pages";

vi.mock("@/lib/i18n/server", async () => {
  const { messages } = await import("@/lib/i18n/messages");
  return { getLocale: async () => "ko", getMessages: async () => messages.ko };
});
vi.mock("@/lib/sms/queries", () => ({ listDevSms: async () => [] }));

describeDevPageGate("/dev/sms", () => import("./page"));

describe("the outbox sender", () => {
  test("refuses to send in production without HURRYUP_DEMO (codes would reach nobody)", async () => {
    vi.doMock("@/lib/env", () => ({ env: { NODE_ENV: "production", HURRYUP_DEMO: false } }));
    vi.resetModules();
    const { outboxSender } = await import("@/lib/sms/sender");
    await expect(outboxSender.send({ id: "00000000-0000-4000-8000-000000000000", to: "+821012345678", text: "x" })).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
