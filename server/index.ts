// The production server: `npm start`. One Node http server in front of Next. The buy path (POST /api/orders)
// and the payment confirm (POST /api/payments/confirm) take a fast path straight to the same handlers Next
// mounts at app/api/orders and app/api/payments/confirm —
// skipping Next's per-request pipeline is what lets it take thousands of requests per second on two
// cores (measured by `npm run bench:flash`). Everything else is Next's request handler.
// With WEB_CONCURRENCY > 1 the primary process forks that many servers sharing the port (node:cluster) and
// restarts one that dies.
import cluster from "node:cluster";
import { register } from "node:module";

register("./server-only-hook.mjs", import.meta.url);
const { env } = await import("@/lib/env");

if (env.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
  const { log } = await import("@/lib/log");
  for (let i = 0; i < env.WEB_CONCURRENCY; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    log.error({ pid: worker.process.pid, code }, "server process exited; starting another");
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 4000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  // Next's globals (AsyncLocalStorage & co.) must exist before any module that imports next/* loads.
  await import("next/dist/server/node-environment.js");
  const { startServer } = await import("./app-server");
  await startServer();
}
