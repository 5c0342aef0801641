// The suite, the build and the server run on the Node.js that `npm ci` installs (the pinned `node`
// development dependency, first on every npm script's PATH), not on whatever Node runs npm itself: the
// figures in docs/benchmarks.md and the behaviour the tests check are that version's.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, "../package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
  engines: { node: string };
};

describe("node version", () => {
  it("runs on the pinned Node.js", () => {
    expect(process.version).toBe(`v${pkg.devDependencies.node}`);
  });

  it("declares the same major version to hosts that choose Node by engines (Vercel)", () => {
    expect(pkg.engines.node).toBe(`${pkg.devDependencies.node.split(".")[0]}.x`);
  });
});
