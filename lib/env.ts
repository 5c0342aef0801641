// The environment, validated once with zod at start-up and at build (next.config.ts imports this file).
// Nothing else reads process.env. Local defaults make a fresh clone work; production must set secrets.
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";
const devOnly = <T extends z.ZodTypeAny>(schema: T, devDefault: string) =>
  isProduction && process.env.HURRYUP_DEMO !== "1" ? schema : schema.default(devDefault as never);

const bool = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");
const keyList = z
  .string()
  .regex(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+)*$/, "expected id:base64key[,id:base64key…]")
  .refine((s) => s.split(",").every((p) => Buffer.from(p.split(":")[1], "base64").length === 32), "each key must be 32 bytes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  /** The production server (server/index.ts) listens here. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Server processes `npm start` runs (node:cluster, sharing the port); 1 = no cluster. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  HOST: z.string().default("0.0.0.0"),
  /** 1 = count every PostgreSQL query in /api/metrics (hurryup_pg_queries_total); the benchmark uses it. */
  PG_QUERY_METRICS: bool.default(false),
  /** How stale units left (and sold out, the "available" filter) may get on catalog pages (lib/catalog/cache.ts). */
  CATALOG_REVALIDATE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(10),
  /** The production server's page micro-cache (server/page-cache.ts): how long a page is fresh; 0 = off. */
  PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** After that, how long a page may still be served while one request renders it again behind it. */
  PAGE_CACHE_STALE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Memory the page micro-cache may hold (bodies, plain and gzipped), least recently used out first. */
  PAGE_CACHE_MAX_BYTES: z.coerce.number().int().min(0).default(64 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/hurryup"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Named prepared statements (lib/db.ts): each connection parses and plans a statement once. Turn off
   * behind a pooler in transaction mode that does not carry them (PgBouncer before 1.21, or without
   * max_prepared_statements).
   */
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  /**
   * Where stock is admitted (docs/scaling.md, "PostgreSQL-only mode"). "redis" (default): the Redis gate in
   * front of the PostgreSQL ledger. "postgres": no Redis at all — every buy is decided by the ledger's guarded
   * transaction (the Redis-outage path, chosen by configuration), rate limits and caches are kept in memory,
   * waiting rooms are off. `npm run demo` chooses it when no Redis answers; elsewhere only when set.
   */
  STOCK_STORE: z.enum(["redis", "postgres"]).default("redis"),
  /**
   * 1 = DATABASE_URL points at the PostgreSQL `npm run demo` embedded (scripts/embedded-postgres.ts); it only
   * says so in the start-up line and /api/ready. Refused in a real production deployment.
   */
  DATABASE_EMBEDDED: bool.default(false),
  // A brace would start a hash tag of its own and put every product's keys in one cluster slot.
  REDIS_KEY_PREFIX: z.string().regex(/^[^{}]*$/, "must not contain { or } (keys carry their own hash tag)").default("hu:"),
  /**
   * Seed nodes (host:port,host:port,…) of a Redis Cluster for the stock tier (lib/stock/store.ts); unset =
   * REDIS_URL's single Redis. Sessions, rate limits and the worker heartbeat stay on REDIS_URL.
   */
  STOCK_REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, "expected host:port[,host:port…]")
    .transform((s) => s.split(",").map((n) => ({ host: n.slice(0, n.lastIndexOf(":")), port: Number(n.slice(n.lastIndexOf(":") + 1)) })))
    .optional(),
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  /** Bearer token of GET /api/cron/jobs (Vercel sets it for its cron calls); unset = the route is off. */
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * Bearer token of GET /api/metrics in production (Prometheus sends it); unset there = the route is off.
   * Not needed outside production or with HURRYUP_DEMO=1, where the route is open.
   */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  AUTH_SECRET: devOnly(z.string().min(32, "must be at least 32 characters"), "dev-only-auth-secret-change-me-0123456789"),
  /**
   * Earlier AUTH_SECRETs, comma-separated, still accepted (never signed with) while what they signed lives
   * out: sessions (30 days), mailed unsubscribe links, the waiting room's device cookie and passes
   * (lib/crypto/secrets.ts, docs/security.md "Rotating AUTH_SECRET").
   */
  AUTH_SECRET_PREVIOUS: z
    .string()
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(32, "each must be at least 32 characters")))
    .default([]),
  DATA_ENCRYPTION_KEYS: devOnly(keyList, "dev1:ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM="),
  BLIND_INDEX_KEY: devOnly(z.string().min(32, "must be at least 32 characters"), "dev-only-blind-index-key-0123456789abcdef"),
  /**
   * Kakao and Naver sign-in (lib/auth/oauth-providers.ts): a provider is offered only when its client id
   * and secret are set. The endpoints default to the real ones; tests point them at a local
   * oauth2-mock-server shaped like the provider.
   */
  KAKAO_CLIENT_ID: z.string().min(1).optional(),
  KAKAO_CLIENT_SECRET: z.string().min(1).optional(),
  KAKAO_AUTHORIZATION_URL: z.url().default("https://kauth.kakao.com/oauth/authorize"),
  KAKAO_TOKEN_URL: z.url().default("https://kauth.kakao.com/oauth/token"),
  KAKAO_USERINFO_URL: z.url().default("https://kapi.kakao.com/v2/user/me"),
  NAVER_CLIENT_ID: z.string().min(1).optional(),
  NAVER_CLIENT_SECRET: z.string().min(1).optional(),
  NAVER_AUTHORIZATION_URL: z.url().default("https://nid.naver.com/oauth2.0/authorize"),
  NAVER_TOKEN_URL: z.url().default("https://nid.naver.com/oauth2.0/token"),
  NAVER_USERINFO_URL: z.url().default("https://openapi.naver.com/v1/nid/me"),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "expected smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().default("Hurry Up <no-reply@hurryup.local>"),
  /** SMS codes for phone verification (lib/accounts/phone.ts): lifetime and the wait before another may be sent. */
  PHONE_CODE_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(180),
  PHONE_CODE_RESEND_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Fleet flags on a drop's orders (lib/seller/flags.ts): accounts created this many minutes or less before the opening… */
  FLAG_NEW_ACCOUNT_MINUTES: z.coerce.number().int().min(0).max(10_080).default(30),
  /** …and address ranges (IPv4 /24, IPv6 /48) from which at least this many accounts ordered the same drop. */
  FLAG_RANGE_ACCOUNTS: z.coerce.number().int().min(2).max(10_000).default(3),
  ORDER_HOLD_SECONDS: z.coerce.number().int().min(5).default(600),
  /** Order lifecycle delays (seconds): paid → shipped, shipped → delivered, return window after delivery, return → completed. */
  ORDER_SHIP_DELAY_SECONDS: z.coerce.number().int().min(0).default(86_400),
  ORDER_DELIVER_DELAY_SECONDS: z.coerce.number().int().min(0).default(86_400),
  ORDER_RETURN_WINDOW_SECONDS: z.coerce.number().int().min(0).default(86_400),
  ORDER_RETURN_COMPLETE_SECONDS: z.coerce.number().int().min(0).default(86_400),
  /**
   * Reverse proxies you run in front of the shop, each appending to X-Forwarded-For (lib/client-address.ts).
   * 0 = none: the client is the socket's peer and forwarded headers are ignored. Unset = 1 if the older
   * TRUST_PROXY is on, else 0. The shop must be reachable only through those proxies.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  /** Deprecated: TRUST_PROXY=1 means TRUST_PROXY_HOPS=1. */
  TRUST_PROXY: bool.default(false),
  /** Set by Vercel on its builds and functions ("1"): the client address comes from Vercel's own header. */
  VERCEL: bool.default(false),
  /**
   * How long one process keeps a product's live stock (GET /api/products/[id]/stock) before reading Redis
   * again, in ms; the crowd polling a drop costs one Redis read per product per interval. 0 = no caching
   * (requests that arrive together still share one read).
   */
  STOCK_CACHE_MS: z.coerce.number().int().min(0).max(5_000).default(250),
  /** Products whose live stock one process keeps at most (made-up ids cannot grow it beyond this). */
  STOCK_CACHE_MAX_PRODUCTS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /**
   * The waiting room (docs/waiting-room.md). Buyers let through per second by a room whose rate is "auto":
   * the checkout capacity measured by bench:checkout (steady paid confirms/s, 88–228 on a 2-core machine),
   * halved for the crowd's own polls. Measure yours and set it.
   */
  WAITING_ROOM_CAPACITY_PER_S: z.coerce.number().int().min(1).max(100_000).default(50),
  /** How long a let-through buyer's pass stays valid (s); unused, the turn is lost. */
  WAITING_ROOM_PASS_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  /** How long one status request may wait for a change before answering (ms; long polling). */
  WAITING_ROOM_POLL_MAX_MS: z.coerce.number().int().min(0).max(60_000).default(20_000),
  /**
   * Places one client address range (IPv4 /24, IPv6 /64) may take in one drop's room, for drops that keep
   * the default; 0 = no cap. Sized so a household or office behind one NAT is not locked out and a fleet
   * on one /24 is (docs/waiting-room.md, "Caps per address range and device").
   */
  WAITING_ROOM_RANGE_CAP: z.coerce.number().int().min(0).max(1_000_000).default(32),
  /** Places one device cookie may take in one drop's room (default drops); 0 = no cap. */
  WAITING_ROOM_DEVICE_CAP: z.coerce.number().int().min(0).max(1_000_000).default(4),
  /** Key of ALTCHA challenges (proof of work to enter a room); unset = derived from AUTH_SECRET. */
  ALTCHA_HMAC_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /** The proof of work's size: the solver tries up to this many PBKDF2 keys (a third of it at least). */
  ALTCHA_MAX_COUNTER: z.coerce.number().int().min(10).max(10_000_000).default(3000),
  /** PBKDF2 iterations per try (the price of one try). */
  ALTCHA_COST: z.coerce.number().int().min(1).max(100_000).default(100),
  TOSS_API_BASE_URL: z.url().default("http://127.0.0.1:4010"),
  /**
   * The stand-in payment window's base address as the browser reaches it, when it differs from the one the
   * server calls (containers: http://toss:4010 inside, the published http://localhost:4010 outside).
   * Unset = TOSS_API_BASE_URL.
   */
  TOSS_CHECKOUT_BASE_URL: z.url().optional(),
  TOSS_SECRET_KEY: z.string().default("test_sk_hurryup_local"),
  /**
   * Payment confirms one server process runs at once (POST /api/payments/confirm; default: the database
   * pool size); more wait their turn in memory for up to PAYMENT_CONFIRM_MAX_WAIT_MS, then get 503 +
   * Retry-After (nothing sent to Toss).
   */
  PAYMENT_CONFIRM_CONCURRENCY: z.coerce.number().int().min(1).max(1000).optional(),
  PAYMENT_CONFIRM_MAX_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  TOSS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  TOSS_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  TOSS_BREAKER_RESET_MS: z.coerce.number().int().min(100).default(15_000),
  TOSS_FAKE_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
  NEXT_PUBLIC_TOSS_CLIENT_KEY: z.string().optional(),
  /** The platform fee withheld from each sale in settlement, as a fraction (0.035 = 3.5%). */
  SETTLEMENT_FEE_RATE: z.coerce.number().min(0).max(0.5).default(0.035),
  /**
   * Where uploaded images are kept (docs/storage.md): "local" = a folder (UPLOAD_DIR) of this machine, for
   * one server with a disk; "s3" = an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO…), shared by every
   * instance. Either way the shop serves them itself under /api/uploads/.
   */
  STORAGE: z.enum(["local", "s3"]).default("local"),
  /** The folder of the local storage. */
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  /** The bucket of the S3 storage (required with STORAGE=s3; it must exist). */
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "expected an S3 bucket name").optional(),
  /** Its region ("auto" for Cloudflare R2). */
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** An S3-compatible service's address (R2, MinIO, …); unset = AWS S3 of S3_REGION. */
  S3_ENDPOINT: z.url().optional(),
  /** Unset = the AWS SDK's own chain (an instance or task role, AWS_* variables, a profile). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** 1 = bucket in the path (endpoint/bucket/key) rather than the host name: MinIO and most self-hosted services. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** Folder inside the bucket the shop's keys go under (e.g. "hurryup/"); empty = the bucket's root. */
  S3_KEY_PREFIX: z.string().regex(/^([a-z0-9_-]+\/)*$/, "expected lowercase folder names, each ending in /").default(""),
  /**
   * The seller's identity the law asks a Korean online shop to show on every page (전자상거래법 §10, the site
   * footer, components/layout/site-footer.tsx). Required in production; demo placeholders only in development
   * and with HURRYUP_DEMO=1.
   */
  SHOP_BUSINESS_NAME: devOnly(z.string().min(1), "(주)허리업 데모"),
  SHOP_REPRESENTATIVE: devOnly(z.string().min(1), "홍길동"),
  /** 사업자등록번호, ten digits as 000-00-00000. */
  SHOP_BUSINESS_NUMBER: devOnly(z.string().regex(/^\d{3}-\d{2}-\d{5}$/, "expected 000-00-00000"), "000-00-00000"),
  /** 통신판매업 신고번호, e.g. 제2026-서울강남-0000호. */
  SHOP_MAIL_ORDER_NUMBER: devOnly(z.string().min(1), "제2026-서울강남-0000호"),
  SHOP_ADDRESS: devOnly(z.string().min(1), "서울특별시 강남구 테헤란로 000 (데모)"),
  SHOP_PHONE: devOnly(z.string().regex(/^[0-9+\-() ]{7,20}$/, "expected a phone number"), "02-000-0000"),
  SHOP_EMAIL: devOnly(z.email(), "help@hurryup.local"),
  /** 개인정보 보호책임자: a name, optionally with a contact. */
  SHOP_PRIVACY_OFFICER: devOnly(z.string().min(1), "홍길동 (privacy@hurryup.local)"),
  /**
   * 1 = `next build` skips its type-check (next.config.ts): `npm run demo` sets it; the type-check runs in
   * `npm test` and CI, and would double the demo's first start.
   */
  HURRYUP_BUILD_SKIP_TYPECHECK: bool.default(false),
  /** 1 = the local demo / test build: development secrets accepted and /dev/mailbox shown in production. */
  HURRYUP_DEMO: bool.default(false),
  /**
   * 1 = the end-to-end journeys' test hooks (/api/test-hooks/*, lib/test-hooks): a journey says when a
   * drop opens and when an order's next time-based step is due. Refused in a real production deployment.
   */
  HURRYUP_TEST_HOOKS: bool.default(false),
}).refine((e) => !(e.STOCK_REDIS_CLUSTER_NODES && e.UPSTASH_REDIS_REST_URL), {
  path: ["STOCK_REDIS_CLUSTER_NODES"],
  message: "set either a Redis Cluster or Upstash for the stock tier, not both",
}).refine((e) => e.STORAGE !== "s3" || e.S3_BUCKET, {
  path: ["S3_BUCKET"],
  message: "required with STORAGE=s3",
}).refine((e) => !e.S3_ACCESS_KEY_ID === !e.S3_SECRET_ACCESS_KEY, {
  path: ["S3_SECRET_ACCESS_KEY"],
  message: "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither",
}).refine((e) => !(e.VERCEL && e.NODE_ENV === "production" && e.STORAGE === "local"), {
  // A Vercel function's disk is read-only outside /tmp, and each instance has its own: an upload would fail,
  // or vanish and be missing on every other instance. Refused at build and start, not found out by a seller.
  path: ["STORAGE"],
  message: "Vercel has no shared disk: set STORAGE=s3 and the S3_* variables (docs/storage.md)",
}).refine((e) => e.STOCK_STORE === "redis" || !(e.STOCK_REDIS_CLUSTER_NODES || e.UPSTASH_REDIS_REST_URL), {
  path: ["STOCK_STORE"],
  message: "STOCK_STORE=postgres runs without Redis: unset STOCK_REDIS_CLUSTER_NODES and UPSTASH_REDIS_REST_URL",
}).refine((e) => !e.DATABASE_EMBEDDED || e.NODE_ENV !== "production" || e.HURRYUP_DEMO, {
  path: ["DATABASE_EMBEDDED"],
  message: "an embedded database is for the local demo only (HURRYUP_DEMO=1), never production",
}).refine((e) => !e.HURRYUP_TEST_HOOKS || e.NODE_ENV !== "production" || e.HURRYUP_DEMO, {
  path: ["HURRYUP_TEST_HOOKS"],
  message: "test hooks are never on in production (only with HURRYUP_DEMO=1, the local demo/test build)",
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const raw = Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, v === "" ? undefined : v]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")} (${i.message})`).join(", ");
    throw new Error(`Invalid environment: ${fields}. See .env.example.`);
  }
  return parsed.data;
}

export const env: Env = load();
