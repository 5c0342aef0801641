// Storage keys and image sniffing: no key leaves the root, types come from the bytes; the local-disk
// storage keeps the Storage contract (the S3 one: s3.int.test.ts).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffImage } from "./image";
import { isSafeKey } from "./keys";
import { LocalDiskStorage } from "./local-disk";
import { JPEG, PNG, WEBP } from "@/test/images";
import { storageContract } from "@/test/storage-contract";

describe("sniffImage", () => {
  it("knows jpeg, png and webp by their first bytes and nothing else", () => {
    expect(sniffImage(PNG)?.mime).toBe("image/png");
    expect(sniffImage(JPEG)?.mime).toBe("image/jpeg");
    expect(sniffImage(WEBP)?.mime).toBe("image/webp");
    expect(sniffImage(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImage(Uint8Array.from([0x52, 0x49, 0x46, 0x46, 8, 0, 0, 0, 0x41, 0x56, 0x49, 0x20]))).toBeNull(); // RIFF AVI
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe("isSafeKey", () => {
  it("refuses traversal, absolute paths, backslashes and hidden names", () => {
    expect(isSafeKey("products/abc/1.png")).toBe(true);
    for (const bad of ["", "../x", "a/../../x", "/etc/passwd", "a\\..\\b", "a//b", ".env", "a/.", "a/%2e%2e/b", "a b"]) expect(isSafeKey(bad)).toBe(false);
  });
});

describe("LocalDiskStorage", () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "hu-store-"));
    outside = `${root}-secret`;
    await writeFile(outside, "secret");
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { force: true });
  });

  storageContract("LocalDiskStorage", () => new LocalDiskStorage(root));

  it("never reads a sidecar type file or a file beside the root", async () => {
    const s = new LocalDiskStorage(root);
    await s.put("p/1.png", PNG, "image/png");
    expect(await s.get("p/1.png.type")).toBeNull();
    expect(await s.get(`../${outside.split("/").pop()}`)).toBeNull();
  });
});
