// The development pages (/dev/mailbox, /dev/sms) show other people's mail and codes: hidden in production
// unless the local demo build says otherwise. The same cases for each page, rendered under a mocked lib/env
// (the calling file mocks what the page reads: its messages and its list).
import { afterEach, describe, expect, test, vi } from "vitest";

type PageModule = { default: () => Promise<unknown> };

export function describeDevPageGate(path: string, load: () => Promise<PageModule>): void {
  async function render(env: { NODE_ENV: string; HURRYUP_DEMO: boolean }) {
    vi.doMock("@/lib/env", () => ({ env }));
    vi.resetModules();
    const { default: Page } = await load();
    return Page();
  }

  afterEach(() => vi.doUnmock("@/lib/env"));

  describe(path, () => {
    test("404 in production", async () => {
      await expect(render({ NODE_ENV: "production", HURRYUP_DEMO: false })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    });
    test("shown in production with HURRYUP_DEMO=1, and in development", async () => {
      await expect(render({ NODE_ENV: "production", HURRYUP_DEMO: true })).resolves.toBeTruthy();
      await expect(render({ NODE_ENV: "development", HURRYUP_DEMO: false })).resolves.toBeTruthy();
    });
  });
}
