// The page micro-cache of the production server: the shop's cacheable pages (the catalog and product pages,
// the same for every viewer of a locale since per-viewer parts are islands) are served from memory for a
// short while, so a crowd on one page costs one Next render per key per TTL instead of one per request
// (Next's per-request pipeline alone caps this machine at ~700 requests a second).
//
// - Key: path + query + the locale the app would pick (the locale cookie, lib/i18n). The render behind an
//   entry is made from that key alone (server/page-fill.ts sends no other cookie), so an entry cannot
//   carry anyone's session, cart or name, whatever a page does.
// - One render in flight per key: concurrent misses wait for it. After the TTL an entry is still served
//   for a stale window while one request renders it again behind it (no latency step every second).
// - Only 200s without Set-Cookie are kept; anything else rendered from the key alone (a 404) is handed to
//   the requests that waited for it, and a response with Set-Cookie makes each of them go to Next itself.
// - Requests Next must see are never served from here: RSC and router requests (RSC / Next-* headers,
//   `_rsc`), bots Next renders differently (blocking metadata), anything but GET and HEAD.
// - Security headers (docs/security.md): an entry keeps what its render carried, with the policy of its own
//   inline scripts' hashes (server/page-fill.ts); HSTS depends on the request, so it is added per response.
// - Bounded by bytes, least recently used out first. clear() (a catalog invalidation in this process)
//   drops every entry and every render in flight, so the next view after a seller's edit shows it.
import { gzip as gzipCb } from "node:zlib";
import { promisify } from "node:util";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { HTML_LIMITED_BOT_UA_RE } from "next/dist/shared/lib/router/utils/is-bot.js";
import { defaultLocale, isLocale, localeCookie, type Locale } from "@/lib/i18n/config";
import { HSTS, cameOverHttps } from "@/lib/security-headers";

const gzip = promisify(gzipCb);

/** A response as Next rendered it for a key. */
export type RenderedPage = { status: number; headers: Record<string, string | string[]>; body: Buffer };
export type PageKey = { key: string; url: string; locale: Locale };
export type Render = (page: PageKey) => Promise<RenderedPage>;

export type PageCacheOptions = {
  ttlMs: number;
  staleMs: number;
  maxBytes: number;
  render: Render;
  now?: () => number;
  /**
   * After clear(), renders started within this window are served but not stored: the edit that caused
   * the clear may still be reaching Next's data cache (its tags are expired as its request ends).
   */
  settleMs?: number;
  /** Cache-Control of stored pages; default sharedCacheControl(ttlMs, staleMs). */
  cacheControl?: string;
  /** A background re-render failed (the stale entry stays until its window ends). */
  onError?: (err: unknown, page: PageKey) => void;
};

/** A response ready to write: flat header lists (plain and gzip) computed once, not per request. */
type Prepared = { status: number; plain: string[]; gzip: string[] | null; body: Buffer; gzipped: Buffer | null };
type Entry = { response: Prepared; bytes: number; freshUntil: number; staleUntil: number };
type Found = { kind: "hit" | "stale" | "miss"; response: Prepared };
export type Lookup = Found | { kind: "pass" };

const CACHEABLE_PATH = /^\/(?:products\/[A-Za-z0-9-]{1,64})?$/;
// Hop-by-hop and per-response headers: recomputed when an entry is served.
const DROPPED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date", "cache-control", "content-encoding", "etag", "strict-transport-security"]);

function localeOf(cookie: string | undefined): Locale {
  if (!cookie) return defaultLocale;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === localeCookie) {
      const value = part.slice(eq + 1).trim();
      return isLocale(value) ? value : defaultLocale;
    }
  }
  return defaultLocale;
}

/** Whether Next must see this request itself (router and RSC requests vary by headers we do not key on). */
function mustReachNext(headers: IncomingHttpHeaders): boolean {
  for (const name in headers) if (name === "rsc" || name.startsWith("next-")) return true;
  const ua = headers["user-agent"];
  return ua !== undefined && HTML_LIMITED_BOT_UA_RE.test(ua);
}

/** The cache key of a request, or null when it must go to Next (see the rules at the top). */
export function pageKeyOf(req: Pick<IncomingMessage, "method" | "url" | "headers">): PageKey | null {
  if ((req.method !== "GET" && req.method !== "HEAD") || !req.url) return null;
  const q = req.url.indexOf("?");
  const path = q === -1 ? req.url : req.url.slice(0, q);
  if (!CACHEABLE_PATH.test(path)) return null;
  if (q !== -1 && /(?:^|&)_rsc(?:=|&|$)/.test(req.url.slice(q + 1))) return null;
  if (mustReachNext(req.headers)) return null;
  const locale = localeOf(req.headers.cookie);
  return { key: `${locale} ${req.url}`, url: req.url, locale };
}

const cacheable = (p: RenderedPage) => p.status === 200 && p.headers["set-cookie"] === undefined;

export class PageCache {
  private readonly entries = new Map<string, Entry>(); // insertion order = recency (LRU first)
  private readonly inflight = new Map<string, Promise<RenderedPage>>();
  private bytes = 0;
  private generation = 0;
  private clearedAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(private readonly opts: PageCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** Drops every entry and forgets renders in flight (their results are not stored). */
  clear() {
    this.entries.clear();
    this.inflight.clear();
    this.bytes = 0;
    this.generation++;
    this.clearedAt = this.now();
  }

  /** A stored page for this key (fresh, or stale with a re-render started behind it), else null. */
  cached(page: PageKey): Found | null {
    const entry = this.entries.get(page.key);
    if (!entry) return null;
    const now = this.now();
    if (now >= entry.staleUntil) return null;
    this.entries.delete(page.key); // most recently used goes last
    this.entries.set(page.key, entry);
    if (now < entry.freshUntil) return { kind: "hit", response: entry.response };
    this.render(page).catch((err) => this.opts.onError?.(err, page));
    return { kind: "stale", response: entry.response };
  }

  async lookup(page: PageKey): Promise<Lookup> {
    const found = this.cached(page);
    if (found) return found;
    const rendered = await this.render(page);
    if (rendered.headers["set-cookie"] !== undefined) return { kind: "pass" };
    const stored = this.entries.get(page.key);
    // Not stored (a 404, or rendered while an edit settled): sent as rendered, private to this response.
    return { kind: "miss", response: stored?.response.body === rendered.body ? stored.response : prepare(rendered, null, null) };
  }

  /** One render per key at a time; its result is stored if it may be (and nothing was cleared meanwhile). */
  private render(page: PageKey): Promise<RenderedPage> {
    const running = this.inflight.get(page.key);
    if (running) return running;
    const generation = this.generation;
    const settled = this.now() >= this.clearedAt + (this.opts.settleMs ?? 100);
    const promise = this.opts
      .render(page)
      .then(async (rendered) => {
        if (generation !== this.generation) return rendered;
        if (cacheable(rendered) && settled && this.opts.ttlMs > 0) await this.store(page.key, rendered, generation);
        else this.drop(page.key); // the page is gone (404) or personal now: no stale copy either
        return rendered;
      })
      .finally(() => {
        if (this.inflight.get(page.key) === promise) this.inflight.delete(page.key);
      });
    this.inflight.set(page.key, promise);
    return promise;
  }

  private drop(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.bytes;
  }

  private async store(key: string, rendered: RenderedPage, generation: number) {
    const gzipped = await gzip(rendered.body);
    if (generation !== this.generation) return;
    const bytes = key.length + rendered.body.length + gzipped.length + 1024;
    if (bytes > this.opts.maxBytes) return;
    this.drop(key);
    const now = this.now();
    const response = prepare(rendered, gzipped, this.opts.cacheControl ?? sharedCacheControl(this.opts.ttlMs, this.opts.staleMs));
    this.entries.set(key, { response, bytes, freshUntil: now + this.opts.ttlMs, staleUntil: now + this.opts.ttlMs + this.opts.staleMs });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.opts.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }
}

/** What shared caches (a CDN) may do with a page served from here: the same, for the same cookies. */
export function sharedCacheControl(ttlMs: number, staleMs: number) {
  return `public, s-maxage=${Math.max(1, Math.round(ttlMs / 1000))}, stale-while-revalidate=${Math.max(1, Math.round(staleMs / 1000))}`;
}

function withVary(vary: string | string[] | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(",") : (vary ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  // The locale is a cookie, and HTTP cannot name one cookie: a shared cache keys on the whole Cookie
  // header — still one entry for every first-time visitor (no cookie at all), the bulk of a crowd.
  for (const extra of ["Cookie", "Accept-Encoding"]) if (!names.some((n) => n.toLowerCase() === extra.toLowerCase())) names.push(extra);
  return names.join(", ");
}

const PRIVATE = "private, no-cache, no-store, max-age=0, must-revalidate";

/** Header lists for a rendered page: shared-cache headers when `cacheControl` is given, else private. */
function prepare(rendered: RenderedPage, gzipped: Buffer | null, cacheControl: string | null): Prepared {
  const base: string[] = [];
  for (const [k, v] of Object.entries(rendered.headers)) {
    if (DROPPED.has(k) || k === "vary") continue;
    for (const value of Array.isArray(v) ? v : [v]) base.push(k, value);
  }
  base.push("cache-control", cacheControl ?? PRIVATE);
  if (cacheControl) base.push("vary", withVary(rendered.headers.vary));
  else if (rendered.headers.vary !== undefined) base.push("vary", String(rendered.headers.vary));
  return {
    status: rendered.status,
    plain: [...base, "content-length", String(rendered.body.length)],
    gzip: gzipped && [...base, "content-encoding", "gzip", "content-length", String(gzipped.length)],
    body: rendered.body,
    gzipped,
  };
}

const KIND = { hit: "HIT", stale: "STALE", miss: "MISS" } as const;
const GZIP = /\bgzip\b/;

/** Writes a looked-up page: gzip when the client takes it, no body for HEAD. */
export function sendPage(req: IncomingMessage, res: ServerResponse, found: Found) {
  const r = found.response;
  const ae = req.headers["accept-encoding"];
  const zipped = r.gzip !== null && ae !== undefined && GZIP.test(ae);
  const headers = [...(zipped ? r.gzip! : r.plain), "x-page-cache", KIND[found.kind]];
  if (cameOverHttps(req.headers["x-forwarded-proto"])) headers.push("strict-transport-security", HSTS);
  res.writeHead(r.status, headers);
  res.end(req.method === "HEAD" ? undefined : zipped ? r.gzipped! : r.body);
}

/**
 * Serves a cacheable request (`page` from pageKeyOf) from the cache, or hands it to `next` when the
 * page turned out personal (Set-Cookie) or could not be rendered for the cache.
 */
export function servePage(cache: PageCache, page: PageKey, req: IncomingMessage, res: ServerResponse, next: (req: IncomingMessage, res: ServerResponse) => unknown) {
  const found = cache.cached(page); // the crowd's path: no promise, no render
  if (found) return sendPage(req, res, found);
  cache.lookup(page).then(
    (miss) => (miss.kind === "pass" ? next(req, res) : sendPage(req, res, miss)),
    () => next(req, res), // the render failed or timed out: Next answers this request itself
  );
}
