// The SMS outbox page is hidden in production unless the local demo build says otherwise.
import { afterEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/i18n/server", async () => {
  const { messages } = await import("@/lib/i18n/messages");
  return { getLocale: async () => "ko", getMessages: async () => messages.ko };
});
vi.mock("@/lib/sms/queries", () => ({ listDevSms: async () => [] }));

async function render(env: { NODE_ENV: string; HURRYUP_DEMO: boolean }) {
  vi.doMock("@/lib/env", () => ({ env }));
  vi.resetModules();
  const { default: Page } = await import("./page");
  return Page();
}

afterEach(() => vi.doUnmock("@/lib/env"));

describe("/dev/sms", () => {
  test("404 in production", async () => {
    await expect(render({ NODE_ENV: "production", HURRYUP_DEMO: false })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
  test("shown in production with HURRYUP_DEMO=1, and in development", async () => {
    await expect(render({ NODE_ENV: "production", HURRYUP_DEMO: true })).resolves.toBeTruthy();
    await expect(render({ NODE_ENV: "development", HURRYUP_DEMO: false })).resolves.toBeTruthy();
  });
});

describe("the outbox sender", () => {
  test("refuses to send in production without HURRYUP_DEMO (codes would reach nobody)", async () => {
    vi.doMock("@/lib/env", () => ({ env: { NODE_ENV: "production", HURRYUP_DEMO: false } }));
    vi.resetModules();
    const { outboxSender } = await import("@/lib/sms/sender");
    await expect(outboxSender.send({ id: "00000000-0000-4000-8000-000000000000", to: "+821012345678", text: "x" })).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
