// `npm run demo`'s last step: waiting for the shop to answer, and the block it then prints.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { readyBanner, waitUntilAnswers } from "./demo";

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server on a free port that answers 503 until `healthy()` says otherwise. */
async function serve(healthy: () => boolean): Promise<string> {
  server = createServer((_, res) => res.writeHead(healthy() ? 200 : 503).end());
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
}

describe("waitUntilAnswers", () => {
  test("returns once the address answers 2xx, not before", async () => {
    let polls = 0;
    const url = await serve(() => ++polls >= 3);
    await waitUntilAnswers(url, { alive: () => true, timeoutMs: 60_000, intervalMs: 5 });
    expect(polls).toBe(3);
  });

  test("fails as soon as the server process is gone", async () => {
    const url = await serve(() => false);
    await expect(waitUntilAnswers(url, { alive: () => false, timeoutMs: 60_000, intervalMs: 5 })).rejects.toThrow(/server stopped/);
  });

  test("fails after its timeout when nothing answers", async () => {
    const url = await serve(() => false);
    await expect(waitUntilAnswers(url, { alive: () => true, timeoutMs: 0, intervalMs: 5 })).rejects.toThrow(/did not answer within 0 s/);
  });
});

describe("readyBanner", () => {
  test("gives the address, every demo account with its role, the password and the mailbox in one block", () => {
    const text = readyBanner({
      baseUrl: "http://localhost:3000",
      accounts: [{ email: "seller@hurryup.dev", role: "SELLER" }, { email: "admin@hurryup.dev", role: "ADMIN" }],
      password: "Hurryup!2026",
    });
    expect(text).toContain("Hurry Up is ready on http://localhost:3000\n");
    expect(text).toContain("password Hurryup!2026");
    expect(text).toMatch(/seller@hurryup\.dev +seller\n/);
    expect(text).toMatch(/admin@hurryup\.dev +admin\n/);
    expect(text).toContain("http://localhost:3000/dev/mailbox");
    // One block: no blank line between the address and the mailbox.
    const block = text.slice(text.indexOf("Hurry Up is ready"), text.indexOf("/dev/mailbox"));
    expect(block.split("\n").some((l) => l.trim() === "")).toBe(false);
  });
});
