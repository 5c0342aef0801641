// Builds the production server (see server/index.ts): Next for every page and route, plus fast paths and
// the page micro-cache in front of the shop's cacheable pages (server/page-cache.ts).
import { createServer } from "node:http";
import { resolve } from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { onCatalogInvalidated } from "@/lib/catalog/invalidation";
import { log } from "@/lib/log";
import { shopPolicyOptions } from "@/lib/security-headers";
import { fastPaths } from "./fast-path";
import { resolveForwarded } from "./forwarded";
import { answerClientError, lingerThenClose } from "./oversized";
import { PageCache, pageKeyOf, servePage } from "./page-cache";
import { fillToken, isFillRequest, loopbackRender } from "./page-fill";
import { countPgQueries } from "./pg-query-count";

export async function startServer() {
  if (env.PG_QUERY_METRICS) countPgQueries();
  const app = next({ dev: false, dir: resolve(import.meta.dirname, ".."), hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pages = pageCache();
  const server = createServer((req, res) => {
    resolveForwarded(req); // first: nothing may read a client's own forwarded headers (docs/security.md)
    // A route that refused an oversized body (lib/body.ts) must not leave its connection to the sender.
    res.once("finish", () => res.statusCode === 413 && lingerThenClose(req));
    const fast = fastPaths(req);
    if (fast) return void fast(req, res);
    if (pages && !isFillRequest(req, pages.token)) {
      const page = pageKeyOf(req);
      if (page) return servePage(pages.cache, page, req, res, handle);
    }
    void handle(req, res);
  });
  server.on("clientError", answerClientError);
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
