// The hostile-traffic fuzz suite (docs/security.md, "Fuzzing"): every route handler under app/api and
// every server action of the production build gets generated requests — valid, near-valid and hostile
// bodies, query strings, headers and path parameters — as a guest, a buyer, a seller and an admin, against
// the production server (server/index.ts on `npm run build`'s output) and its own seeded database.
// It fails on any 5xx (or a server action answering INTERNAL: its wrapper turns a crash into a value) and
// on any 4xx during which a row was written (test/fuzz/write-log.ts). Fixed seed and a small budget in
// `npm test`; `npm run fuzz` runs longer with a new seed. FUZZ_SEED, FUZZ_RUNS, FUZZ_ONLY, FUZZ_SHRINK.
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { ownTestDatabase } from "@/test/own-database";
import { NodeProcess, eventually } from "@/test/processes";
import { arbitraries, type Pools } from "./arbitraries";
import { discoverActions, discoverRoutes, pathLabel, schemaKeys, type ActionEndpoint, type RouteEndpoint, type Segment } from "./discover";
import { EXAMPLES } from "./examples";
import type { Sent } from "./sent";
import { WriteLog } from "./write-log";

const root = resolve(import.meta.dirname, "../..");
const own = ownTestDatabase("fuzz");

const SEED = Number(process.env.FUZZ_SEED || 20261130);
const RUNS = Number(process.env.FUZZ_RUNS || 10);
const ONLY = process.env.FUZZ_ONLY;
const SHRINK = process.env.FUZZ_SHRINK === "1";

const ROLES = ["guest", "buyer", "seller", "admin"] as const;
type Role = (typeof ROLES)[number];

/**
 * Writes a refused request may make, on purpose ("Table OP [changed columns]"), for every endpoint or one.
 * Each says why; anything else written during a 4xx fails the suite.
 */
const ALLOWED_4XX_WRITES: { endpoint?: string; write: string; why: string }[] = [
  { write: "Session UPDATE lastSeenAt", why: "any signed-in request may refresh its session's last-seen time (lib/auth/session-store.ts)" },
  { endpoint: "POST /api/me/phone/verify", write: "PhoneVerification UPDATE attempts", why: "a wrong code uses up one of the code's attempts: the brute-force guard" },
];
const allowedWrite = (endpoint: string, write: string) => ALLOWED_4XX_WRITES.some((a) => a.write === write && (!a.endpoint || a.endpoint === endpoint));

const ctx = {
  base: "",
  server: undefined as NodeProcess | undefined,
  writes: undefined as WriteLog | undefined,
  pools: undefined as unknown as Pools & { byKind: Record<string, string[]>; placeholders: Record<string, string> },
  userIds: {} as Record<Exclude<Role, "guest">, string>,
  closers: [] as (() => Promise<unknown>)[],
};

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, "127.0.0.1", ok));
  const { port } = srv.address() as { port: number };
  await new Promise((ok) => srv.close(ok));
  return port;
}

/** The demo data (users, catalog, Redis stock) plus an order, a cart line and a wishlist entry of the buyer. */
async function seed() {
  const [{ db }, { seedUsers }, { seedCatalog, loadSeededStock }, { stockGate }, { clock }, { emailIndex }, { placeTestOrder }, { addCartItem }, { userOwner }, { addToWishlist }] = await Promise.all([
    import("@/lib/db"), import("@/prisma/seed/users"), import("@/prisma/seed/catalog"), import("@/lib/stock/gate"), import("@/lib/clock"),
    import("@/lib/crypto/blind-index"), import("@/test/orders"), import("@/lib/cart/service"), import("@/lib/cart/owner"), import("@/lib/wishlist/service"),
  ]);
  const { sellerId } = await seedUsers(db);
  const productIds = await seedCatalog(db, sellerId, clock.nowMs());
  const gate = stockGate();
  await loadSeededStock(gate.store, productIds);
  await gate.close();
  const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { emailHash: emailIndex(email) } })).id;
  ctx.userIds = { buyer: await userId("buyer1@hurryup.dev"), seller: await userId("seller@hurryup.dev"), admin: await userId("admin@hurryup.dev") };
  const open = await db.product.findFirstOrThrow({ where: { type: "NORMAL", status: "ACTIVE" }, orderBy: { id: "asc" } });
  const orderId = await placeTestOrder(ctx.userIds.buyer, [{ productId: open.id, quantity: 1 }]);
  await addCartItem(userOwner(ctx.userIds.buyer), { productId: open.id, quantity: 1 });
  await addToWishlist(ctx.userIds.buyer, open.id);
  const ids = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((r) => r.id);
  const byKind = {
    products: productIds,
    orders: await ids(db.order.findMany({ select: { id: true } })),
    items: await ids(db.cartItem.findMany({ select: { id: true } })),
    users: await ids(db.user.findMany({ select: { id: true } })),
    categories: await ids(db.category.findMany({ select: { id: true } })),
  };
  const future = new Date(clock.nowMs() + 3_600_000).toISOString();
  const placeholders: Record<string, string> = { $product: productIds[0], $openProduct: open.id, $order: orderId, $cartItem: byKind.items[0], $user: ctx.userIds.buyer, $category: byKind.categories[0], $future: future };
  const strings = [
    "buyer1@hurryup.dev", "seller@hurryup.dev", "new-user@example.com", "Fuzz!pass123", "010-1234-5678", "01012345678", "서울특별시 강남구 테헤란로 1", "김퍼즈",
    "BUYER", "SELLER", "ADMIN", "NORMAL", "LIMITED", "ACTIVE", "DRAFT", "PENDING_PAYMENT", "PAID", "SHIPPING", "ko", "en", "ship", "deliver", "completeReturn", "ahead", "behind",
    "2026-11-30", future, new Date(clock.nowMs() - 3_600_000).toISOString(), "/products/placeholder.svg", "newest", "price_asc", "tgen_fuzz",
  ];
  ctx.pools = { ids: Object.values(byKind).flat(), strings, keys: schemaKeys(root), byKind, placeholders };
}

async function startServer() {
  const [{ startTossFake }, { SECRET }] = await Promise.all([import("@/lib/payments/toss-fake"), import("@/lib/payments/toss-fake/test-support")]);
  const toss = await startTossFake({ secretKeys: [SECRET] });
  ctx.closers.push(() => toss.close());
  const port = await freePort();
  ctx.base = `http://127.0.0.1:${port}`;
  ctx.server = new NodeProcess("server", "server/index.ts", {
    ...process.env, NODE_ENV: "production", HURRYUP_DEMO: "1", HURRYUP_TEST_HOOKS: "1", PORT: String(port), HOST: "127.0.0.1", APP_URL: ctx.base,
    LOG_LEVEL: "error", TOSS_API_BASE_URL: toss.url, TOSS_SECRET_KEY: SECRET, CRON_SECRET: "fuzz-cron-secret-never-sent",
  });
  await eventually(() => fetch(`${ctx.base}/api/health`).then((r) => r.ok, () => false), "the production server answering /api/health", [ctx.server], 180_000);
}

/** Fresh sessions for each role, so a revoked or signed-out session in one property does not leak into the next. */
async function roleCookies(): Promise<Record<Role, string | null>> {
  const { mintSessionCookie } = await import("@/lib/auth/session");
  const cookie = async (userId: string) => {
    const c = await mintSessionCookie(userId);
    return `${c.name}=${c.value}`;
  };
  return { guest: null, buyer: await cookie(ctx.userIds.buyer), seller: await cookie(ctx.userIds.seller), admin: await cookie(ctx.userIds.admin) };
}

/** Which real ids fill a path parameter: by its name, else by the folder before it, else any id. */
function realValues(seg: Extract<Segment, { kind: "param" }>): string[] {
  if (seg.name === "nextauth") return ["csrf", "session", "providers", "signin", "signout", "callback/credentials", "error"];
  if (seg.name === "path") return ["products/a.png", "x/../../.env", "a%00.png"];
  const { byKind } = ctx.pools;
  if (/^productId$/.test(seg.name) || ["products", "waiting-room"].includes(seg.after)) return byKind.products;
  if (seg.after === "orders") return byKind.orders;
  if (seg.after === "items") return byKind.items;
  if (seg.after === "users") return byKind.users;
  return ctx.pools.ids;
}

const fill = (value: unknown): unknown => {
  if (typeof value === "string") return ctx.pools.placeholders[value] ?? value;
  if (Array.isArray(value)) return value.map(fill);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
  return value;
};

/** A path segment as bytes: a lone surrogate (which encodeURIComponent refuses) goes as its invalid UTF-8 bytes. */
const encodePathPart = (v: string) => v.replace(/[\s\S]/gu, (ch) => (/^[\ud800-\udfff]$/.test(ch) ? `%ED%${(0x80 | ((ch.charCodeAt(0) >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (ch.charCodeAt(0) & 0x3f)).toString(16).toUpperCase()}` : encodeURIComponent(ch)));

function pathArb(segments: Segment[], a: ReturnType<typeof arbitraries>) {
  return fc.tuple(
    ...segments.map((s) => (s.kind === "static" ? fc.constant(s.value) : a.param(realValues(s)).map((v) => (realValues(s).includes(v) ? v : encodePathPart(v) || "%20")))),
  ).map((parts) => "/" + parts.join("/"));
}

function requestArb(a: ReturnType<typeof arbitraries>, examples: Record<string, unknown>[]) {
  const exampleBody = examples.length ? fc.constantFrom(...examples).chain((e) => a.mutated(fill(e) as Record<string, unknown>)).map((text) => ({ contentType: "application/json", text })) : null;
  return fc.record({
    role: fc.constantFrom(...ROLES),
    query: fc.oneof({ weight: 3, arbitrary: fc.constant("") }, { weight: 2, arbitrary: a.query }),
    headers: a.headers,
    ip: fc.ipV4(),
    origin: a.origin("ORIGIN"),
    extraCookie: a.extraCookie,
    body: exampleBody ? fc.oneof({ weight: 2, arbitrary: exampleBody }, { weight: 3, arbitrary: a.body }) : a.body,
  });
}

type Answer = { status: number; text: string; log: string };

async function send(s: Sent, cookie: string | null): Promise<Answer> {
  const headers = new Headers();
  headers.set("x-forwarded-for", s.ip);
  for (const [k, v] of Object.entries(s.headers)) headers.set(k, v);
  const origin = s.origin === "ORIGIN" ? ctx.base : s.origin;
  if (origin !== null) headers.set("origin", origin);
  const cookies = [cookie, s.extraCookie].filter(Boolean).join("; ");
  if (cookies) headers.set("cookie", cookies);
  let body: BodyInit | undefined;
  if (s.method !== "GET" && s.method !== "HEAD") {
    if (s.body.form) {
      const form = new FormData();
      for (const [k, v] of s.body.form) form.append(k, v);
      // Encoded up front, as a browser sends a form: undici streams a FormData body after the head, and a
      // head over Node's limit is answered (431) and closed at once, so under load the body's write could
      // land after the close (EPIPE) and hide the answer the server gave. One buffer leaves in one write.
      const encoded = new Request(ctx.base, { method: "POST", body: form });
      body = new Uint8Array(await encoded.arrayBuffer());
      if (!headers.has("content-type")) headers.set("content-type", encoded.headers.get("content-type")!);
    } else if (s.body.text !== undefined) {
      body = s.body.text;
      if (s.body.contentType) headers.set("content-type", s.body.contentType);
    }
  }
  const logFrom = ctx.server!.output.length;
  try {
    const res = await fetch(`${ctx.base}${s.path}${s.query ? `?${s.query}` : ""}`, { method: s.method, headers, body, redirect: "manual", signal: AbortSignal.timeout(90_000) });
    const text = await res.text();
    return { status: res.status, text, log: ctx.server!.output.slice(logFrom) };
  } catch (err) {
    // No answer at all (a hang, or the connection dropped) is as much a bug as a 500.
    return { status: 599, text: `${String(err)} ${String((err as Error).cause ?? "")}`, log: ctx.server!.output.slice(logFrom) };
  }
}

const clip = (s: string, n = 600) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const describeSent = (s: Sent) =>
  `${s.role} ${s.method} ${clip(s.path, 300)}${s.query ? `?${clip(s.query, 200)}` : ""} origin=${s.origin} headers=${clip(JSON.stringify(s.headers), 300)} cookie+=${s.extraCookie ?? "-"} body=${clip(JSON.stringify(s.body), 600)}`;

/** For the failure report only: the server may write its error line just after the answer went out. */
async function serverLogAfter(answer: Answer) {
  const from = ctx.server!.output.length - answer.log.length;
  const until = performance.now() + 2_000;
  while (!/error/i.test(ctx.server!.output.slice(from)) && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
  answer.log = ctx.server!.output.slice(from);
}

/** Fails (throws) on a 5xx, an action's INTERNAL result, or a 4xx that wrote. */
async function judge(endpoint: string, s: Sent, cookie: string | null, action: boolean) {
  const mark = await ctx.writes!.mark();
  const answer = await send(s, cookie);
  const crashed = answer.status >= 500 || (action && /"code":"INTERNAL"/.test(answer.text));
  if (crashed) {
    await serverLogAfter(answer);
    throw new Error(`${answer.status} for ${describeSent(s)}\nanswer: ${clip(answer.text, 400)}\nserver log: ${clip(answer.log, 1500)}`);
  }
  if (answer.status >= 400 && answer.status < 500) {
    const wrote = [...(await ctx.writes!.since(mark))].filter(([w]) => !allowedWrite(endpoint, w));
    if (wrote.length) throw new Error(`${answer.status} but wrote ${wrote.map(([w, n]) => `${n}× ${w}`).join(", ")} for ${describeSent(s)}\nanswer: ${clip(answer.text, 400)}`);
  }
}

function seedFor(name: string): number {
  let h = SEED >>> 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h | 0;
}

async function fuzz(name: string, property: fc.IAsyncProperty<[unknown]> | fc.IAsyncPropertyWithHooks<[unknown]>) {
  try {
    await fc.assert(property, { seed: seedFor(name), numRuns: RUNS, endOnFailure: !SHRINK });
  } catch (err) {
    // fast-check reports the run and the counterexample; the property's own error (what came back) is its cause.
    const cause = (err as Error).cause instanceof Error ? `\n\n${((err as Error).cause as Error).message}` : "";
    throw new Error(`${clip((err as Error).message, 3000)}${clip(cause, 4000)}\n\nFuzz seed ${SEED}, ${RUNS} runs. Reproduce: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} FUZZ_ONLY='${name}' npx vitest run test/fuzz/fuzz.int.test.ts (FUZZ_SHRINK=1 for a minimal case)`);
  }
}

const built = existsSync(resolve(root, ".next/BUILD_ID"));
const routes = discoverRoutes(root);
const actions: ActionEndpoint[] = built ? discoverActions(root) : [];
const selected = (name: string) => !ONLY || name === ONLY || name.includes(ONLY);

// Without a build there is nothing to fuzz: `npm test` and `npm run fuzz` always build first.
const title = `fuzz: every route and server action against the production server (seed ${SEED}, ${RUNS} runs each)`;
describe.skipIf(!built)(built ? title : `${title} — skipped: no production build (.next/BUILD_ID); run \`npm run build\` first`, () => {
  beforeAll(async () => {
    console.log(`fuzz seed ${SEED}, ${RUNS} runs per endpoint (FUZZ_SEED=${SEED} to repeat)`);
    await own.create();
    ctx.writes = await WriteLog.install(own.url);
    await seed();
    await startServer();
  });

  afterAll(async () => {
    await ctx.server?.stop();
    await ctx.writes?.close();
    for (const close of ctx.closers) await close();
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await own.drop();
  });

  it("finds the routes and actions it fuzzes", ({ expect }) => {
    expect(routes.map((r) => pathLabel(r.segments))).toEqual(expect.arrayContaining(["/api/orders", "/api/cart/items/[id]", "/api/auth/[...nextauth]"]));
    expect(routes.every((r) => r.methods.length > 0)).toBe(true);
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["addToCartAction", "signUpAction", "setLocaleAction"]));
  });

  for (const r of routes)
    for (const method of r.methods) {
      const name = `${method} ${pathLabel(r.segments)}`;
      it.runIf(selected(name))(name, async () => {
        const cookies = await roleCookies();
        const a = arbitraries(ctx.pools);
        const arb = fc.tuple(pathArb(r.segments, a), requestArb(a, EXAMPLES[name] ?? [])).map(([path, req]): Sent => ({ ...req, method, path }));
        await fuzz(name, fc.asyncProperty(arb, (s) => judge(name, s, cookies[s.role], false)));
      });
    }

  const unsupported = "unsupported methods";
  it.runIf(selected(unsupported))(unsupported, async () => {
    const cookies = await roleCookies();
    const a = arbitraries(ctx.pools);
    const arb = fc.constantFrom(...routes).chain((r: RouteEndpoint) =>
      fc.tuple(pathArb(r.segments, a), requestArb(a, []), fc.constantFrom(...["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !r.methods.includes(m)), "OPTIONS")).map(([path, req, method]): Sent => ({ ...req, method, path })),
    );
    await fuzz(unsupported, fc.asyncProperty(arb, (s) => judge(unsupported, s, cookies[s.role], false)));
  });

  for (const action of actions) {
    const name = `action ${action.name}`;
    it.runIf(selected(name))(name, async () => {
      const cookies = await roleCookies();
      const a = arbitraries(ctx.pools);
      const arb = fc.tuple(fc.constantFrom(...action.pages).chain((p) => pathArb(p, a)), requestArb(a, []), actionBody(action, a, EXAMPLES[name] ?? [])).map(([path, req, { body, headers }]): Sent => ({
        ...req, method: "POST", path, body, headers: { ...req.headers, ...headers },
      }));
      await fuzz(name, fc.asyncProperty(arb, (s) => judge(name, s, cookies[s.role], true)));
    });
  }
});

/**
 * A server action call the way Next's client makes one (a `Next-Action` header; the arguments as React's
 * encodeReply writes them: a JSON array as text, or multipart with the array in field "0" and a FormData
 * argument's fields as "_1_<name>" before it, as the React of Next 16 writes them), or the no-JavaScript form
 * post (`$ACTION_ID_<id>`), or garbage.
 */
function actionBody(action: ActionEndpoint, a: ReturnType<typeof arbitraries>, examples: Record<string, unknown>[]) {
  const fetchHeaders = { "next-action": action.id, accept: "text/x-component" };
  const arg = examples.length ? fc.oneof(a.value, a.nearValidObject, fc.constantFrom(...examples).chain((e) => a.mutated(fill(e) as Record<string, unknown>))) : fc.oneof(a.value, a.nearValidObject);
  const fields = fc.array(fc.tuple(a.key, a.anyString), { maxLength: 6 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(arg, { maxLength: 3 }).map((args) => ({ headers: fetchHeaders, body: { contentType: "text/plain;charset=UTF-8", text: `[${args.join(",")}]` } })) },
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom('["$K1"]', '[null,"$K1"]', '["$undefined","$K1"]', '[{},"$K1"]'), fields).map(([args, f]) => ({
        headers: fetchHeaders,
        // The form's fields first: React reads them as they stream in, and field "0" ends the argument.
        body: { form: [...f.map(([k, v]): [string, string] => [`_1_${k}`, v]), ["0", args]] as [string, string][] },
      })),
    },
    { weight: 1, arbitrary: fields.map((f) => ({ headers: {}, body: { form: [[`$ACTION_ID_${action.id}`, ""], ...f] as [string, string][] } })) },
    { weight: 1, arbitrary: a.jsonBody.map((text) => ({ headers: fetchHeaders, body: { contentType: "text/plain;charset=UTF-8", text } })) },
  );
}
