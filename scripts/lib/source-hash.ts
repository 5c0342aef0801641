// What `next build` is built from, as one hash: `npm run demo` keeps it beside the build
// (.next/hurryup-source-hash) and builds again only when it changed. Every project file counts except
// those the build cannot read (tests, docs, benchmarks, the runners' scripts, data) or writes itself
// (.next, next-env.d.ts); an extra file only costs a rebuild, a missing one a stale shop, so the list
// says what to leave out.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const SKIPPED_DIRS = new Set([
  "node_modules", ".next", ".git", ".data", ".ci", "uploads", "docs", "bench", "e2e", "test", "scripts",
  "test-results", "playwright-report",
]);
const SKIPPED_FILES = [/\.test\.tsx?$/, /\.md$/, /\.tsbuildinfo$/, /^next-env\.d\.ts$/, /^\.env(\..*)?$/, /\.log$/];

/** The project's files the build may read, relative to `root`, sorted (the same order everywhere). */
export function buildInputs(root: string, dir = root): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...buildInputs(root, path));
    } else if (entry.isFile() && !SKIPPED_FILES.some((re) => re.test(entry.name))) {
      files.push(relative(root, path).split(sep).join("/"));
    }
  }
  return files.sort();
}

/**
 * The hash of the build's inputs: each file's path and content, and the environment the build bakes in
 * (NEXT_PUBLIC_* values are inlined into the browser's code).
 */
export function sourceHash(root: string, env: Record<string, string | undefined>): string {
  const h = createHash("sha256");
  for (const file of buildInputs(root)) h.update(`${file}\0`).update(readFileSync(join(root, file))).update("\0");
  for (const name of Object.keys(env).filter((k) => k.startsWith("NEXT_PUBLIC_")).sort()) h.update(`${name}=${env[name]}\0`);
  return h.digest("hex");
}
