// The suite, the build and the server run on the Node.js that `npm ci` installs — the pinned `node`
// package, first on every npm script's PATH — not on whatever Node runs npm itself: the figures in
// docs/benchmarks.md and the behaviour the tests check are that version's. It is an optional dependency
// because npm has no build of it for every platform (a Mac's install skips it and runs on the host's
// Node.js, which must then be the same major version). The container images and Vercel (`engines`) use
// the same version.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as {
  optionalDependencies: Record<string, string>;
  engines: { node: string };
};
const pinned = pkg.optionalDependencies.node;
const major = pinned.split(".")[0];

describe("node version", () => {
  it("runs on the pinned Node.js (its major version where npm has no build of it)", () => {
    expect(process.versions.node.split(".")[0]).toBe(major);
    if (process.platform === "linux" && process.arch === "x64") expect(process.versions.node).toBe(pinned);
  });

  it("declares the same major version to hosts that choose Node by engines (Vercel)", () => {
    expect(pkg.engines.node).toBe(`${major}.x`);
  });

  it("builds the container images on the same version", () => {
    const froms = [...readFileSync(resolve(root, "Dockerfile"), "utf8").matchAll(/^FROM node:(\S+?)-/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThan(0);
    for (const v of froms) expect(v).toBe(pinned);
  });
});
