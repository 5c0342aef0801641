// `npm ci` installs the lock file exactly, and refuses one that lacks a package it should record: an optional
// dependency of a locked package — typically the per-platform binaries (Tailwind's oxide, Next's SWC, esbuild,
// Prisma's engines…). A lock updated by `npm install` on top of an existing node_modules can keep only this
// machine's platform; `npm ci` then fails on every other one (a Mac, an arm64 image). README: how to rebuild it.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

type Locked = { version?: string; optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };
type Lock = { lockfileVersion: number; packages: Record<string, Locked> };

/** Where Node would find `dep` from the package at `path` (its own node_modules first, then each parent's). */
function resolveLocked(packages: Lock["packages"], path: string, dep: string): string | null {
  let base = path;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${dep}`;
    if (packages[candidate]) return candidate;
    if (!base) return null;
    const parent = base.lastIndexOf("/node_modules/");
    base = parent < 0 ? "" : base.slice(0, parent);
  }
}

/** Every optional dependency of a locked package that the lock does not record, as "package -> dependency". */
function missingOptionals(lock: Lock): string[] {
  const missing: string[] = [];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
      if (!resolveLocked(lock.packages, path, dep)) missing.push(`${path || "(root)"} -> ${dep}`);
    }
  }
  return missing;
}

describe("package-lock.json", () => {
  const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, "../package-lock.json"), "utf8")) as Lock;

  it("records every optional (per-platform) dependency of every locked package, so npm ci works on any platform", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    expect(missingOptionals(lock), "rebuild the lock: rm -rf node_modules && npm install --package-lock-only").toEqual([]);
  });

  it("finds one that is missing, nested or hoisted", () => {
    const packages: Lock["packages"] = {
      "": { dependencies: { a: "1" } },
      "node_modules/a": { optionalDependencies: { "a-linux-x64": "1", "a-darwin-arm64": "1", shared: "1" } },
      "node_modules/a/node_modules/a-linux-x64": { version: "1" },
      "node_modules/shared": { version: "1" },
    };
    expect(missingOptionals({ lockfileVersion: 3, packages })).toEqual(["node_modules/a -> a-darwin-arm64"]);
  });
});
