// One app instance for tests that run several against one PostgreSQL and Redis
// (test/multi-instance.int.test.ts): a bare Node http server mounting the production server's fast paths
// (server/fast-path.ts) — POST /api/orders and POST /api/payments/confirm, the very handlers Next mounts
// too — without Next itself. Vitest runs before `next build` (scripts/test.sh), so the real server
// (server/index.ts, which needs .next) cannot start there; the buy path does not go through Next in
// production either. GET /healthz answers once it listens; anything else is 404.
// Usage: node --import tsx test/instance-server.ts   (PORT, HOST and the rest from the environment)
import { createServer } from "node:http";
import { register } from "node:module";

// As in server/index.ts: "server-only" resolves to an empty module outside Next's bundler, and Next's
// globals exist before any module that imports next/* (the auth guards do) loads.
register("../server/server-only-hook.mjs", import.meta.url);
await import("next/dist/server/node-environment.js");
const { env } = await import("@/lib/env");
const { fastPaths } = await import("@/server/fast-path");
const { resolveForwarded } = await import("@/server/forwarded");

const server = createServer((req, res) => {
  resolveForwarded(req);
  const fast = fastPaths(req);
  if (fast) return void fast(req, res);
  res.writeHead(req.method === "GET" && req.url === "/healthz" ? 200 : 404, { "content-type": "text/plain" }).end(String(process.pid));
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, env.HOST);
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
