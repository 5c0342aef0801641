import type { NextConfig } from "next";
// Validates the environment at build and at start-up: a bad variable fails here with its name.
import { env } from "./lib/env";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pino", "pg-boss", "@node-rs/argon2", "ioredis", "pg"],
  // Product images through Next's optimizer (/_next/image, sharp): resized to the layout's sizes, as WebP.
  // Not AVIF: it costs several times WebP's CPU to encode, and the first views of a drop's images land
  // together on a small server. Every image is same-origin — demo SVGs in public/products/ (served as they
  // are: an SVG needs no resizing, and Next does not optimize them) and uploads under /api/uploads/, from
  // the local folder or S3 alike (docs/storage.md) — so there are no remotePatterns, and localPatterns keep
  // the optimizer from fetching any other route of ours.
  images: {
    formats: ["image/webp"],
    deviceSizes: [384, 640, 828, 1080, 1200, 1920],
    imageSizes: [80, 160, 256],
    qualities: [75],
    localPatterns: [
      { pathname: "/api/uploads/**", search: "" },
      { pathname: "/products/**", search: "" },
      { pathname: "/icons/**", search: "" },
    ],
    // Uploaded keys never change content (immutable), so an optimized copy can be kept for a day.
    minimumCacheTTL: 86_400,
  },
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
