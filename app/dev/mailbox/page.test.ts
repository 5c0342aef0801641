// The development mailbox is hidden in production unless the local demo build says otherwise.
import { vi } from "vitest";
import { describeDevPageGate } from "@/test/dev-pages";

vi.mock("@/lib/i18n/server", async () => {
  const { messages } = await import("@/lib/i18n/messages");
  return { getLocale: async () => "ko", getMessages: async () => messages.ko };
});
vi.mock("@/lib/mail/queries", () => ({ listDevMail: async () => [] }));

describeDevPageGate("/dev/mailbox", () => import("./page"));
