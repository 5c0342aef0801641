// Image uploads through the real route handlers: type by magic bytes, size limit, re-encoded without
// metadata, sellers only, and files served back only from inside the upload folder.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as uploadRoute from "@/app/api/seller/uploads/route";
import * as serveRoute from "@/app/api/uploads/[...path]/route";
import { setStorage } from "@/lib/storage";
import { MAX_IMAGE_BYTES } from "@/lib/storage/image";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { exifTags, GPS_IFD_TAG, hugePng, JPEG, PNG, phonePhoto } from "@/test/images";
import { ctx, origin } from "@/test/http";
import { signedIn, signedInSeller } from "@/test/seller";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "hu-uploads-"));
  setStorage(new LocalDiskStorage(root));
});
afterAll(async () => {
  setStorage(undefined);
  await rm(root, { recursive: true, force: true });
});

function upload(bytes: Uint8Array, name: string, type: string, cookie?: string) {
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(bytes)], { type }), name);
  return uploadRoute.POST(new Request(`${origin}/api/seller/uploads`, { method: "POST", body: form, headers: { origin, ...(cookie && { cookie }) } }), ctx() as never);
}
const serve = (path: string[]) => serveRoute.GET(new Request(`${origin}/api/uploads/${path.join("/")}`), ctx({ path }) as never);

describe("POST /api/seller/uploads", () => {
  it("stores a phone photo under a fresh name, upright and without its EXIF (GPS) or XMP, and serves it back", async () => {
    const { cookie } = await signedInSeller();
    const photo = await phonePhoto({ format: "webp", width: 2400, height: 1200, orientation: 6 });
    expect(exifTags((await sharp(photo).metadata()).exif!)).toContain(GPS_IFD_TAG);
    const res = await upload(photo, "photo.png", "image/png", cookie);
    expect(res.status).toBe(201);
    const { upload: u } = await res.json();
    expect(u.url).toMatch(/^\/api\/uploads\/products\/[0-9a-f-]+\/[0-9a-f-]+\.webp$/);
    expect(u).toMatchObject({ contentType: "image/webp", width: 1000, height: 2000 });
    const got = await serve(u.url.replace("/api/uploads/", "").split("/"));
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/webp");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    const stored = new Uint8Array(await got.arrayBuffer());
    expect(stored.length).toBe(u.size);
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 1000, 2000]);
    expect([meta.exif, meta.xmp, meta.icc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("refuses a non-image named .png, an empty file and one over 5 MB with field errors", async () => {
    const { cookie } = await signedInSeller();
    const fake = await upload(new TextEncoder().encode("<script>alert(1)</script>"), "x.png", "image/png", cookie);
    expect(fake.status).toBe(422);
    expect((await fake.json()).error.fields).toEqual({ file: ["unsupported_image"] });
    const empty = await upload(new Uint8Array(), "x.png", "image/png", cookie);
    expect((await empty.json()).error.fields).toEqual({ file: ["required"] });
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    const tooBig = await upload(big, "big.png", "image/png", cookie);
    expect(tooBig.status).toBe(422);
    expect((await tooBig.json()).error.fields).toEqual({ file: ["file_too_large"] });
  });

  it("counts a body that declares no length (chunked) as it arrives: past the cap a 413, the rest never read", async () => {
    const { cookie, seller } = await signedInSeller();
    const boundary = "hu-chunked-upload";
    const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.png"\r\ncontent-type: image/png\r\n\r\n`;
    const chunk = new Uint8Array(64 * 1024);
    const offered = 4 * MAX_IMAGE_BYTES; // what the client would go on sending
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(Buffer.concat([Buffer.from(head), PNG])),
      pull(c) {
        if (sent >= offered) return c.close();
        sent += chunk.length;
        c.enqueue(chunk);
      },
      cancel: () => void (cancelled = true),
    });
    const req = new Request(`${origin}/api/seller/uploads`, {
      method: "POST", body, duplex: "half", headers: { origin, cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    const res = await uploadRoute.POST(req, ctx() as never);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(cancelled).toBe(true);
    // Read up to the cap (the file's 5 MB and the form's 64 kB), give or take the chunks already queued.
    expect(sent).toBeLessThanOrEqual(MAX_IMAGE_BYTES + 64 * 1024 + 4 * chunk.length);
    expect(existsSync(join(root, "products", seller.id))).toBe(false);
  });

  it("refuses a decompression bomb and a file that only starts like a JPEG, storing nothing", async () => {
    const { cookie, seller } = await signedInSeller();
    const bomb = await upload(await hugePng(30_000, 30_000), "bomb.png", "image/png", cookie);
    expect(bomb.status).toBe(422);
    expect((await bomb.json()).error.fields).toEqual({ file: ["image_too_many_pixels"] });
    const broken = await upload(JPEG, "x.jpg", "image/jpeg", cookie);
    expect(broken.status).toBe(422);
    expect((await broken.json()).error.fields).toEqual({ file: ["unsupported_image"] });
    expect(existsSync(join(root, "products", seller.id))).toBe(false);
  });

  it("401 signed out, 403 for buyers; serving never leaves the upload folder", async () => {
    expect((await upload(PNG, "a.png", "image/png")).status).toBe(401);
    expect((await upload(PNG, "a.png", "image/png", (await signedIn()).cookie)).status).toBe(403);
    expect((await serve(["..", "..", "etc", "passwd"])).status).toBe(404);
    expect((await serve(["products", "nope.png"])).status).toBe(404);
    expect((await serve([".."])).status).toBe(404);
  });
});
