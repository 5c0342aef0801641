// The development mailbox is hidden in production unless the local demo build says otherwise.
import { afterEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/i18n/server", async () => {
  const { messages } = await import("@/lib/i18n/messages");
  return { getLocale: async () => "ko", getMessages: async () => messages.ko };
});
vi.mock("@/lib/mail/queries", () => ({ listDevMail: async () => [] }));

async function render(env: { NODE_ENV: string; HURRYUP_DEMO: boolean }) {
  vi.doMock("@/lib/env", () => ({ env }));
  vi.resetModules();
  const { default: Page } = await import("./page");
  return Page();
}

afterEach(() => vi.doUnmock("@/lib/env"));

describe("/dev/mailbox", () => {
  test("404 in production", async () => {
    await expect(render({ NODE_ENV: "production", HURRYUP_DEMO: false })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
  test("shown in production with HURRYUP_DEMO=1, and in development", async () => {
    await expect(render({ NODE_ENV: "production", HURRYUP_DEMO: true })).resolves.toBeTruthy();
    await expect(render({ NODE_ENV: "development", HURRYUP_DEMO: false })).resolves.toBeTruthy();
  });
});
