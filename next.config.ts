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
};

export default nextConfig;
