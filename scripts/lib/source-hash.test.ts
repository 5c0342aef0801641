// The demo's "build again?" hash (scripts/lib/source-hash.ts) on a project of its own in a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { buildInputs, sourceHash } from "./source-hash";

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "hurryup-source-hash-"));
  write("app/page.tsx", "export default function Page() {}");
  write("lib/money.ts", "export const won = 1;");
  write("next.config.ts", "export default {};");
  write("package-lock.json", "{}");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("sourceHash", () => {
  test("is the same for the same sources and environment", () => {
    expect(sourceHash(root, {})).toBe(sourceHash(root, {}));
  });

  test("changes when a source the build reads changes, is added or is renamed", () => {
    const before = sourceHash(root, {});
    write("lib/money.ts", "export const won = 2;");
    const edited = sourceHash(root, {});
    expect(edited).not.toBe(before);
    write("components/button.tsx", "export {};");
    const added = sourceHash(root, {});
    expect(added).not.toBe(edited);
    rmSync(join(root, "components/button.tsx"));
    write("components/knob.tsx", "export {};");
    expect(sourceHash(root, {})).not.toBe(added);
  });

  test("changes with a NEXT_PUBLIC_ variable (inlined into the browser's code), not with a server-only one", () => {
    const before = sourceHash(root, { AUTH_SECRET: "a" });
    expect(sourceHash(root, { AUTH_SECRET: "b" })).toBe(before);
    expect(sourceHash(root, { AUTH_SECRET: "a", NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_ck" })).not.toBe(before);
  });

  test("ignores what the build does not read or writes itself: tests, docs, the build, .env, node_modules", () => {
    const before = sourceHash(root, {});
    write("lib/money.test.ts", "test");
    write("lib/money.int.test.ts", "test");
    write("docs/shop.md", "# docs");
    write("README.md", "# readme");
    write(".next/BUILD_ID", "abc");
    write(".next/hurryup-source-hash", "abc");
    write("next-env.d.ts", "/// <reference />");
    write(".env", "AUTH_SECRET=x");
    write("node_modules/next/index.js", "x");
    write("e2e/buy.spec.ts", "x");
    write("bench/flash.ts", "x");
    expect(sourceHash(root, {})).toBe(before);
    expect(buildInputs(root)).toEqual(["app/page.tsx", "lib/money.ts", "next.config.ts", "package-lock.json"]);
  });
});
