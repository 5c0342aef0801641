// The production server (server/index.ts on the production build) in a process of its own, for tests that
// need what only it does: the page micro-cache, the fast paths beside Next, proxy.ts. Needs `npm run build`
// first (scripts/test.sh builds before it runs the tests).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

/** Whether there is a production build to serve. */
export const hasProductionBuild = () => existsSync(resolve(root, ".next/BUILD_ID"));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, "127.0.0.1", ok));
  const { port } = srv.address() as { port: number };
  await new Promise((ok) => srv.close(ok));
  return port;
}

export type ProductionServer = { base: string; stop: () => void };

/** Starts the server on a free port with `env` added, and resolves once /api/health answers. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<ProductionServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", HURRYUP_DEMO: "1", PORT: String(port), HOST: "127.0.0.1", APP_URL: base, LOG_LEVEL: "silent", ...env },
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  };
  const until = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (up) return { base, stop };
    if (child.exitCode !== null || Date.now() > until) {
      stop();
      throw new Error(`the production server did not come up (exit code ${child.exitCode})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
