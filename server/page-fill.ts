// How the page micro-cache (server/page-cache.ts) gets a page: a real request to this server over loopback,
// marked so it goes straight to Next. Chosen over calling Next's request handler with a fake
// ServerResponse: Next writes to the response in many ways (writeHead, streaming pipes with back-pressure,
// flushHeaders, close events) that a fake must mimic release after release; over a socket Next sees an
// ordinary request and Node's HTTP client undoes the chunking. The extra hop is paid once per key per TTL.
//
// The request carries only what the key holds: the path, its query and the locale cookie — no session,
// no guest cart — so what comes back is, by construction, the page every viewer of that locale gets.
//
// Its Content-Security-Policy is replaced here by one of the hashes of the page's inline scripts: the nonce
// Next rendered the page with would be shared by everyone the entry is served to (and by any CDN copy), so
// it must not be in the policy; the hashes are computed once per fill and travel with the entry, and the
// stored bytes and their gzip stay untouched (docs/security.md).
import { createHmac } from "node:crypto";
import { Agent, request, type IncomingMessage } from "node:http";
import { localeCookie } from "@/lib/i18n/config";
import { inlineScriptHashes, pagePolicy, type PolicyOptions } from "@/lib/security-headers";
import type { PageKey, RenderedPage } from "./page-cache";

const FILL_HEADER = "x-hurryup-page-fill";

/**
 * The marker of fill requests. Derived from a server secret so that every process of a cluster (the fill
 * may land on another one) knows it and no client can send it to get past the cache.
 */
export function fillToken(secret: string) {
  return createHmac("sha256", secret).update("page-cache-fill").digest("base64url");
}

/** Whether a request is the page cache's own fill (to be served by Next, not from the cache). */
export function isFillRequest(req: IncomingMessage, token: string) {
  return req.headers[FILL_HEADER] === token;
}

/** A rendered HTML page with the policy of its own inline scripts instead of its render's nonce. */
export function withScriptHashes(page: RenderedPage, policy: PolicyOptions): RenderedPage {
  const type = page.headers["content-type"];
  if (typeof type !== "string" || !type.startsWith("text/html")) return page;
  const hashes = inlineScriptHashes(page.body.toString("utf8"));
  return { ...page, headers: { ...page.headers, "content-security-policy": pagePolicy({ hashes }, policy) } };
}

/** A render function for PageCache: GET the page from `port` on loopback, the whole body buffered. */
export function loopbackRender(opts: { port: number; connectHost: string; host: string; token: string; policy: PolicyOptions; timeoutMs?: number }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (page: PageKey) =>
    new Promise<RenderedPage>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: opts.connectHost,
          port: opts.port,
          method: "GET",
          path: page.url,
          headers: { host: opts.host, accept: "text/html", "user-agent": "hurryup-page-cache", cookie: `${localeCookie}=${page.locale}`, [FILL_HEADER]: opts.token },
          timeout: opts.timeoutMs ?? 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const headers: Record<string, string | string[]> = {};
            for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = v;
            resolve(withScriptHashes({ status: res.statusCode ?? 500, headers, body: Buffer.concat(chunks) }, opts.policy));
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`page render of ${page.url} timed out`)));
      req.on("error", reject);
      req.end();
    });
}
