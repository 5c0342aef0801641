// The platform package's library links, created from our own code (npm 11 skips its postinstall script):
// on a real directory laid out as the package ships, twice (the second time creates nothing).
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hydrateSymlinks, platformPackageDir } from "./embedded-postgres";

let dir = "";
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("hydrateSymlinks", () => {
  it("creates each listed link relative to its directory, once", async () => {
    dir = await mkdtemp(join(tmpdir(), "hu-pg-links-"));
    await mkdir(join(dir, "native/lib"), { recursive: true });
    await writeFile(join(dir, "native/lib/libicuuc.so.60.2"), "the library");
    const links = [
      { source: "native/lib/libicuuc.so.60.2", target: "native/lib/libicuuc.so.60" },
      { source: "native/lib/libicuuc.so.60.2", target: "native/lib/libicuuc.so" },
    ];
    await writeFile(join(dir, "native/pg-symlinks.json"), JSON.stringify(links));

    expect(await hydrateSymlinks(dir)).toBe(2);
    for (const { target } of links) {
      expect((await lstat(join(dir, target))).isSymbolicLink()).toBe(true);
      expect(await readlink(join(dir, target))).toBe("libicuuc.so.60.2"); // relative: the package may move
      expect(await readFile(join(dir, target), "utf8")).toBe("the library");
    }
    expect(await hydrateSymlinks(dir)).toBe(0);
  });

  it("does nothing for a package without a list", async () => {
    dir = await mkdtemp(join(tmpdir(), "hu-pg-links-"));
    expect(await hydrateSymlinks(dir)).toBe(0);
  });

  it("finds this machine's installed platform package and leaves its links complete", async () => {
    const pkg = platformPackageDir();
    expect(pkg).toMatch(/@embedded-postgres[/\\][a-z0-9]+-[a-z0-9]+$/);
    await hydrateSymlinks(pkg!);
    const links = JSON.parse(await readFile(join(pkg!, "native/pg-symlinks.json"), "utf8")) as { target: string }[];
    for (const { target } of links) expect((await lstat(join(pkg!, target))).isSymbolicLink()).toBe(true);
  });
});
