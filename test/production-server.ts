// The production server (server/index.ts on the production build) as a child process for integration
// tests: its own free port, APP_URL on it, the test run's database and Redis prefix, stopped as a group.
// Needs `npm run build` first (scripts/test.sh builds before it runs the tests).
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { eventually, NodeProcess } from "@/test/processes";
import { freePort } from "@/test/redis-server";

const root = resolve(import.meta.dirname, "..");

/** Whether there is a production build to run (`.next/BUILD_ID`). */
export const isBuilt = () => existsSync(resolve(root, ".next/BUILD_ID"));

export type ProductionServer = { base: string; port: number; process: NodeProcess; stop(): Promise<void> };

/** Starts the server with `env` on top of the test's own and waits until /api/health answers. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<ProductionServer> {
  if (!isBuilt()) throw new Error("no production build (.next/BUILD_ID): run `HURRYUP_DEMO=1 npm run build` first");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = new NodeProcess(`server :${port}`, resolve(root, "server/index.ts"), {
    ...process.env, NODE_ENV: "production", HURRYUP_DEMO: "1", PORT: String(port), HOST: "127.0.0.1", APP_URL: base, LOG_LEVEL: "silent", ...env,
  });
  await eventually(() => fetch(`${base}/api/health`).then((r) => r.ok, () => false), `the production server on :${port}`, [proc], 120_000);
  return { base, port, process: proc, stop: () => proc.stop() };
}

type ManifestEntry = { exportedName: string; filename: string };

/** The build's id of a server action, by its module and export name (as the shop's pages get it). */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(resolve(root, ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === filename && e.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${filename} in the build`);
  return found[0];
}
