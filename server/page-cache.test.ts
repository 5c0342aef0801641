// The page micro-cache's rules, with a fake render and a clock the test moves: one render per key at a
// time, fresh / stale / expired, keys by locale, what bypasses it, what is never stored, the byte bound,
// clear() against renders in flight; and what a client receives, over a real socket.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PageCache, pageKeyOf, servePage, type PageKey, type RenderedPage } from "./page-cache";

const html = (text: string, extra: Record<string, string> = {}): RenderedPage => ({
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8", vary: "rsc, next-router-state-tree", ...extra },
  body: Buffer.from(text),
});

/** A render that counts its calls and answers when the test says so. */
function fakeRender(answer: (page: PageKey, call: number) => RenderedPage = (p, n) => html(`${p.key} #${n}`)) {
  const pending: (() => void)[] = [];
  let calls = 0;
  let hold = false;
  const render = (page: PageKey) => {
    const n = ++calls;
    return new Promise<RenderedPage>((resolve) => {
      const done = () => resolve(answer(page, n));
      if (hold) pending.push(done);
      else done();
    });
  };
  return {
    render,
    get calls() {
      return calls;
    },
    hold() {
      hold = true;
    },
    release() {
      hold = false;
      for (const done of pending.splice(0)) done();
    },
  };
}

function setup(opts: { ttlMs?: number; staleMs?: number; maxBytes?: number; settleMs?: number; answer?: Parameters<typeof fakeRender>[0] } = {}) {
  let now = 1_000_000;
  const render = fakeRender(opts.answer);
  const cache = new PageCache({ ttlMs: opts.ttlMs ?? 1000, staleMs: opts.staleMs ?? 5000, maxBytes: opts.maxBytes ?? 1 << 20, settleMs: opts.settleMs ?? 0, render: render.render, now: () => now });
  return { cache, render, advance: (ms: number) => void (now += ms) };
}

const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });
const key = (url: string, headers: Record<string, string> = {}) => pageKeyOf(req(url, headers))!;
const bodyOf = (found: Awaited<ReturnType<PageCache["lookup"]>>) => (found.kind === "pass" ? null : found.response.body.toString());

describe("pageKeyOf", () => {
  it("keys the catalog and product pages by path, query and the locale the app would pick", () => {
    expect(key("/").key).toBe("ko /");
    expect(key("/?page=2&q=러너").key).toBe("ko /?page=2&q=러너");
    expect(key("/products/0b6f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", { cookie: "authjs.session-token=abc; locale=en" }).key).toBe("en /products/0b6f4a1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b");
    expect(key("/", { cookie: "locale=en" }).locale).toBe("en");
    expect(key("/", { cookie: "locale=fr" }).locale).toBe("ko"); // unknown: the default, as lib/i18n does
    expect(key("/", { cookie: "xlocale=en" }).locale).toBe("ko");
    expect(pageKeyOf(req("/", {}, "HEAD"))).not.toBeNull();
  });

  it("leaves to Next what it must see or what is not a cacheable page", () => {
    expect(pageKeyOf(req("/", {}, "POST"))).toBeNull();
    expect(pageKeyOf(req("/cart"))).toBeNull();
    expect(pageKeyOf(req("/products/abc/edit"))).toBeNull();
    expect(pageKeyOf(req("/api/products"))).toBeNull();
    expect(pageKeyOf(req("/?_rsc=1x2y3"))).toBeNull();
    expect(pageKeyOf(req("/products/abc?x=1&_rsc=z"))).toBeNull();
    expect(pageKeyOf(req("/", { rsc: "1" }))).toBeNull();
    expect(pageKeyOf(req("/", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageKeyOf(req("/", { "next-router-state-tree": "%5B%5D" }))).toBeNull();
    expect(pageKeyOf(req("/", { "user-agent": "Twitterbot/1.0" }))).toBeNull();
    expect(pageKeyOf(req("/", { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0" }))).not.toBeNull();
  });
});

describe("PageCache", () => {
  it("renders once for many concurrent requests of a key, and keys differ by locale", async () => {
    const { cache, render } = setup();
    render.hold();
    const views = Array.from({ length: 20 }, () => cache.lookup(key("/")));
    const english = cache.lookup(key("/", { cookie: "locale=en" }));
    expect(render.calls).toBe(2);
    render.release();
    const answers = await Promise.all(views);
    expect(new Set(answers.map(bodyOf))).toEqual(new Set(["ko / #1"]));
    expect(bodyOf(await english)).toBe("en / #2");
    expect((await cache.lookup(key("/"))).kind).toBe("hit");
    expect(render.calls).toBe(2);
  });

  it("is fresh for the TTL, then served stale while one re-render runs, then renders before answering", async () => {
    const { cache, render, advance } = setup({ ttlMs: 1000, staleMs: 5000 });
    expect((await cache.lookup(key("/"))).kind).toBe("miss");
    advance(999);
    expect(await cache.lookup(key("/"))).toMatchObject({ kind: "hit" });
    advance(1);
    const stale = await cache.lookup(key("/"));
    expect(stale.kind).toBe("stale");
    expect(bodyOf(stale)).toBe("ko / #1");
    await cache.lookup(key("/")); // the re-render behind it is already running: not a second one
    await vi.waitFor(async () => expect(await cache.lookup(key("/"))).toMatchObject({ kind: "hit" }));
    expect(render.calls).toBe(2);
    expect(bodyOf(await cache.lookup(key("/")))).toBe("ko / #2");
    advance(6000);
    const expired = await cache.lookup(key("/"));
    expect(expired.kind).toBe("miss");
    expect(bodyOf(expired)).toBe("ko / #3");
  });

  it("never stores a response with Set-Cookie: each request goes to Next itself", async () => {
    const { cache, render } = setup({ answer: (p, n) => html(`${n}`, { "set-cookie": "guest=1; Path=/" } as Record<string, string>) });
    expect((await cache.lookup(key("/"))).kind).toBe("pass");
    expect((await cache.lookup(key("/"))).kind).toBe("pass");
    expect(render.calls).toBe(2);
    expect(cache.size.entries).toBe(0);
  });

  it("hands a 404 to the requests that waited for it, without storing it", async () => {
    const { cache, render } = setup({ answer: () => ({ status: 404, headers: { "content-type": "text/html" }, body: Buffer.from("gone") }) });
    const found = await cache.lookup(key("/products/nope"));
    expect(found).toMatchObject({ kind: "miss", response: { status: 404 } });
    await cache.lookup(key("/products/nope"));
    expect(render.calls).toBe(2);
    expect(cache.size.entries).toBe(0);
  });

  it("drops a stale entry whose re-render is no longer a 200", async () => {
    let status = 200;
    const { cache, advance } = setup({ answer: (p, n) => ({ ...html(`${n}`), status }) });
    await cache.lookup(key("/products/a"));
    status = 404;
    advance(1500);
    expect((await cache.lookup(key("/products/a"))).kind).toBe("stale");
    await vi.waitFor(() => expect(cache.size.entries).toBe(0));
  });

  it("holds at most maxBytes, the least recently used out first", async () => {
    const page = "x".repeat(2000);
    // Each entry costs its body, its gzip and a fixed overhead: about 3,100 bytes here; room for two.
    const { cache } = setup({ maxBytes: 7000, answer: () => html(page) });
    await cache.lookup(key("/?page=1"));
    await cache.lookup(key("/?page=2"));
    expect(cache.size.entries).toBe(2);
    await cache.lookup(key("/?page=1")); // used: page=2 is now the oldest
    await cache.lookup(key("/?page=3"));
    expect(cache.size.entries).toBe(2);
    expect(cache.size.bytes).toBeLessThanOrEqual(7000);
    expect((await cache.lookup(key("/?page=1"))).kind).toBe("hit");
    expect((await cache.lookup(key("/?page=3"))).kind).toBe("hit");
    expect((await cache.lookup(key("/?page=2"))).kind).toBe("miss");
  });

  it("clear() drops entries; a render in flight is not stored, nor one started while an edit settles", async () => {
    const { cache, render, advance } = setup({ settleMs: 100 });
    await cache.lookup(key("/"));
    render.hold();
    const inFlight = cache.lookup(key("/?page=2"));
    cache.clear();
    expect(cache.size.entries).toBe(0);
    const afterClear = cache.lookup(key("/?page=2")); // a view after the edit does not join the old render
    expect(render.calls).toBe(3);
    render.release();
    expect(bodyOf(await inFlight)).toBe("ko /?page=2 #2");
    expect(bodyOf(await afterClear)).toBe("ko /?page=2 #3");
    expect(cache.size.entries).toBe(0); // #3 started within the settle window
    advance(100);
    await cache.lookup(key("/?page=2"));
    expect((await cache.lookup(key("/?page=2"))).kind).toBe("hit");
  });
});

describe("servePage over HTTP", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function start(cache: PageCache) {
    let nextCalls = 0;
    server = createServer((rq, rs) => {
      const page = pageKeyOf(rq);
      if (!page) return void rs.end("next");
      servePage(cache, page, rq, rs, (_q, s) => {
        nextCalls++;
        s.end("from next");
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    return { base, nextCalls: () => nextCalls };
  }

  it("answers with shared-cache headers, gzip when accepted, and no body to HEAD", async () => {
    const { cache } = setup({ answer: () => html("<p>catalog</p>") });
    const { base } = await start(cache);
    const first = await fetch(`${base}/`, { headers: { "accept-encoding": "identity" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-page-cache")).toBe("MISS");
    expect(first.headers.get("cache-control")).toBe("public, s-maxage=1, stale-while-revalidate=5");
    expect(first.headers.get("vary")).toBe("rsc, next-router-state-tree, Cookie, Accept-Encoding");
    expect(await first.text()).toBe("<p>catalog</p>");

    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(`${base}/`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        }).on("error", reject),
      );
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toBe("<p>catalog</p>");

    const head = await fetch(`${base}/`, { method: "HEAD" });
    expect(head.headers.get("x-page-cache")).toBe("HIT");
    expect(await head.text()).toBe("");
  });

  it("sends a page that set a cookie to Next, and a 404 as private", async () => {
    const { cache } = setup({ answer: (p) => (p.url === "/" ? html("x", { "set-cookie": "a=1" }) : { status: 404, headers: {}, body: Buffer.from("not here") }) });
    const { base, nextCalls } = await start(cache);
    expect(await (await fetch(`${base}/`)).text()).toBe("from next");
    expect(nextCalls()).toBe(1);
    const missing = await fetch(`${base}/products/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toContain("no-store");
  });
});
