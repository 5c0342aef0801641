// Builds the production server (see server/index.ts): Next for every page and route, plus fast paths.
import { createServer } from "node:http";
import { resolve } from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { fastPaths } from "./fast-path";
import { countPgQueries } from "./pg-query-count";

export async function startServer() {
  if (env.PG_QUERY_METRICS) countPgQueries();
  const app = next({ dev: false, dir: resolve(import.meta.dirname, ".."), hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    const fast = fastPaths(req);
    if (fast) return void fast(req, res);
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(env.PORT, env.HOST, () => log.info({ port: env.PORT, host: env.HOST }, "server listening"));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return server;
}
