// Helpers of `npm run demo`'s last step (scripts/demo-ready.ts): wait until the shop answers, then say so.

/** Polls `url` until it answers 2xx; fails early once `alive()` says the server is gone, or after `timeoutMs`. */
export async function waitUntilAnswers(url: string, opts: { alive: () => boolean; timeoutMs: number; intervalMs?: number }): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    if (!opts.alive()) throw new Error(`the server stopped before ${url} answered`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${Math.round(opts.timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
}

export type ReadyInfo = { baseUrl: string; accounts: { email: string; role: string }[]; password: string };

/** The block printed once the shop answers: where it is, who to sign in as, where mail goes. */
export function readyBanner({ baseUrl, accounts, password }: ReadyInfo): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    "",
    `Hurry Up is ready on ${baseUrl}`,
    `  Demo accounts (password ${password}):`,
    ...accounts.map((a) => `    ${a.email.padEnd(width)}  ${a.role.toLowerCase()}`),
    `  Mailbox (sign-up and verification mail): ${baseUrl}/dev/mailbox`,
    `  SMS codes (phone verification):          ${baseUrl}/dev/sms`,
    "",
    "  Ctrl-C stops the shop, the worker and the Toss stand-in.",
    "",
  ].join("\n");
}
