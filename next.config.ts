import type { NextConfig } from "next";
// Validates the environment at build and at start-up: a bad variable fails here with its name.
import "./lib/env";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "pg-boss", "@node-rs/argon2", "ioredis", "pg"],
  images: { unoptimized: true },
  typedRoutes: false,
  experimental: {
    // The catalog's data cache (lib/catalog/cache.ts) lives in memory, bounded by Next's LRU
    // (cacheMaxMemorySize): any query string is a key, and on disk they would pile up without bound.
    isrFlushToDisk: false,
  },
};

export default nextConfig;
