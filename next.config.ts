import type { NextConfig } from "next";
// Validates the environment at build and at start-up: a bad variable fails here with its name.
import { env } from "./lib/env";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "pg-boss", "@node-rs/argon2", "ioredis", "pg"],
  images: { unoptimized: true },
  typedRoutes: false,
  // The demo's build (scripts/demo.sh) leaves the type-check to `npm test`; every other build runs it.
  typescript: { ignoreBuildErrors: env.HURRYUP_BUILD_SKIP_TYPECHECK },
  experimental: {
    // The catalog's data cache (lib/catalog/cache.ts) lives in memory, bounded by Next's LRU
    // (cacheMaxMemorySize): any query string is a key, and on disk they would pile up without bound.
    isrFlushToDisk: false,
    // A route's modules load on its first request instead of all at start-up: the server in front of a
    // drop keeps in memory what the crowd uses (the shop's pages, the fast paths), not every dashboard
    // screen — about a hundred megabytes of the peak under bench:flash (docs/benchmarks.md).
    preloadEntriesOnStart: false,
    // proxy.ts admits a server action from APP_URL's origin even when the Host a proxy sends differs;
    // Next's own check must then agree rather than fail it with a 500.
    serverActions: { allowedOrigins: [new URL(env.APP_URL).host] },
  },
};

export default nextConfig;
