// What every Storage implementation promises (lib/storage/index.ts), run against each one: bytes and type
// come back as put, overwrite replaces, a missing or deleted key reads as nothing and is served as a 404,
// unsafe keys are refused, and the upload route serves the stored type.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as serveRoute from "@/app/api/uploads/[...path]/route";
import { setStorage, type Storage } from "@/lib/storage";
import { ctx, origin } from "@/test/http";

const serve = (key: string) => serveRoute.GET(new Request(`${origin}/api/uploads/${key}`), ctx({ path: key.split("/") }) as never);

/** Every byte value, twice: no encoding on the way may change one. */
const BINARY = Uint8Array.from({ length: 512 }, (_, i) => i % 256);

export function storageContract(name: string, make: () => Storage) {
  describe(`${name}: the Storage contract`, () => {
    const key = (ext = "png") => `products/contract/${randomUUID()}.${ext}`;

    it("gets back the exact bytes and content type it put, and an overwrite replaces both", async () => {
      const s = make();
      const k = key();
      await s.put(k, BINARY, "image/png");
      expect(await s.get(k)).toEqual({ data: BINARY, contentType: "image/png" });
      await s.put(k, BINARY.subarray(0, 3), "image/webp");
      expect(await s.get(k)).toEqual({ data: BINARY.subarray(0, 3), contentType: "image/webp" });
    });

    it("reads a missing or deleted key as null; deleting twice is fine", async () => {
      const s = make();
      const k = key("jpg");
      expect(await s.get(k)).toBeNull();
      await s.put(k, BINARY, "image/jpeg");
      await s.delete(k);
      expect(await s.get(k)).toBeNull();
      await s.delete(k);
    });

    it("refuses to put an unsafe key and reads one as null", async () => {
      const s = make();
      await expect(s.put("../escape.png", BINARY, "image/png")).rejects.toThrow(/unsafe/);
      await expect(s.put("a//b.png", BINARY, "image/png")).rejects.toThrow(/unsafe/);
      expect(await s.get("../escape.png")).toBeNull();
      await s.delete("../escape.png");
    });

    it("is served by GET /api/uploads with its stored type, and a missing key is a 404", async () => {
      const s = make();
      setStorage(s);
      try {
        const k = key("webp");
        await s.put(k, BINARY, "image/webp");
        const res = await serve(k);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/webp");
        expect(res.headers.get("cache-control")).toContain("immutable");
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(BINARY);
        expect((await serve(key("webp"))).status).toBe(404);
      } finally {
        setStorage(undefined);
      }
    });
  });
}
