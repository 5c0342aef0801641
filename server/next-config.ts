// The configuration Next runs the production server with. Loading next.config.ts again at start would have
// Next see `output: "standalone"` (the Docker image's `app` target) and warn that "next start" does not work
// with it. That warning is for the `next start` CLI; a custom server is what the standalone server.js is
// too, and it hands Next the configuration the build resolved (.next/required-server-files.json) through
// __NEXT_PRIVATE_STANDALONE_CONFIG. This server does the same — except for what next.config.ts derives
// from the environment, taken at start: one build (an image) is started with its own APP_URL.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NextConfig } from "next";
import nextConfig from "../next.config";

type BuiltConfig = NextConfig & { experimental: NonNullable<NextConfig["experimental"]> };

/** The build's resolved configuration with the start-time values of next.config.ts's environment-driven ones. */
export function startConfig(dir: string, current: NextConfig = nextConfig): BuiltConfig {
  const built = JSON.parse(readFileSync(join(dir, ".next", "required-server-files.json"), "utf8")).config as BuiltConfig;
  return { ...built, experimental: { ...built.experimental, serverActions: { ...built.experimental.serverActions, ...current.experimental?.serverActions } } };
}

/** Before `next()`: Next then takes this configuration instead of loading next.config.ts. */
export function applyBuiltNextConfig(dir: string): void {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(startConfig(dir));
}
