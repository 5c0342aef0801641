// Builds the production server (see server/index.ts): Next for every page and route, plus fast paths and
// the page micro-cache in front of the shop's cacheable pages (server/page-cache.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { onCatalogInvalidated } from "@/lib/catalog/invalidation";
import { log } from "@/lib/log";
import { tierModes, tierModesLine } from "@/lib/tiers";
import { shopPolicyOptions } from "@/lib/security-headers";
import { fastPaths } from "./fast-path";
import { resolveForwarded } from "./forwarded";
import { answerClientError, lingerThenClose } from "./oversized";
import { PageCache, pageKeyOf, servePage } from "./page-cache";
import { applyBuiltNextConfig } from "./next-config";
import { fillToken, isFillRequest, loopbackRender } from "./page-fill";
import { countPgQueries } from "./pg-query-count";

/**
 * A body Next's side refused as too large (lib/body.ts, proxy.ts) must not leave its connection to the
 * sender: the 413 goes out with `Connection: close` — so the client opens a new connection for its next
 * request instead of reusing one that is about to end — and the connection then lingers and closes
 * (server/oversized.ts). Both have to be decided before the status line is written: Node writes it through
 * writeHead, explicitly or from res.end.
 */
function closeAfterTooLarge(req: IncomingMessage, res: ServerResponse) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (args[0] === 413) {
      this.shouldKeepAlive = false;
      lingerThenClose(req, this.socket);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

export async function startServer() {
  if (env.PG_QUERY_METRICS) countPgQueries();
  const dir = resolve(import.meta.dirname, "..");
  applyBuiltNextConfig(dir);
  const app = next({ dev: false, dir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pages = pageCache();
  const server = createServer((req, res) => {
    resolveForwarded(req); // first: nothing may read a client's own forwarded headers (docs/security.md)
    const fast = fastPaths(req); // they end their own 413s (server/fast-path.ts)
    if (fast) return void fast(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") closeAfterTooLarge(req, res);
    if (pages && !isFillRequest(req, pages.token)) {
      const page = pageKeyOf(req);
      if (page) return servePage(pages.cache, page, req, res, handle);
    }
    void handle(req, res);
  });
  server.on("clientError", answerClientError);
  server.keepAliveTimeout = 65_000;
  server.listen(env.PORT, env.HOST, () => {
    log.info({ port: env.PORT, host: env.HOST }, "server listening");
    log.info({ tiers: tierModes() }, tierModesLine());
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  return server;
}

function pageCache() {
  if (env.PAGE_CACHE_TTL_MS === 0) return null;
  const token = fillToken(env.AUTH_SECRET);
  const connectHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  const cache = new PageCache({
    ttlMs: env.PAGE_CACHE_TTL_MS,
    staleMs: env.PAGE_CACHE_STALE_MS,
    maxBytes: env.PAGE_CACHE_MAX_BYTES,
    render: loopbackRender({ port: env.PORT, connectHost, host: new URL(env.APP_URL).host, token, policy: shopPolicyOptions() }),
    onError: (err, page) => log.warn({ err, url: page.url }, "page cache: re-render failed; serving the stale copy"),
  });
  // A seller's edit handled by this process drops the pages at once (other processes of a cluster keep
  // theirs for the TTL and the stale window at most).
  onCatalogInvalidated(() => cache.clear());
  return { cache, token };
}
