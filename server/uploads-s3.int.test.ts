// Uploads with STORAGE=s3 through the real stack: the production server (server/index.ts on the production
// build) configured only by environment variables against a local S3-compatible server (s3rver, started
// here), a seller's multipart upload over HTTP, the object in the bucket (re-encoded, no EXIF), nothing on
// the server's disk, and the shop's product page and GET /api/uploads serving it; a chunked upload over the
// cap is cut off. Needs `npm run build`.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct } from "@/test/factories";
import { exifTags, GPS_IFD_TAG, phonePhoto } from "@/test/images";
import { startProductionServer, type ProductionServer } from "@/test/production-server";
import { startS3Server, type S3Server } from "@/test/s3-server";
import { signedInSeller } from "@/test/seller";

let s3: S3Server | undefined;
let server: ProductionServer | undefined;
let uploadDir = "";

beforeAll(async () => {
  s3 = await startS3Server();
  // A folder the server would use were it on local storage: it must stay empty.
  uploadDir = await mkdtemp(join(tmpdir(), "hu-s3-unused-"));
  server = await startProductionServer({ ...s3.env, UPLOAD_DIR: uploadDir });
});

afterAll(async () => {
  await server?.stop();
  await s3?.stop();
  await rm(uploadDir, { recursive: true, force: true });
});

describe("seller uploads with STORAGE=s3 on the production server", () => {
  it("stores the re-encoded photo in the bucket and the shop serves it from there", async () => {
    const { seller, cookie } = await signedInSeller();
    const photo = await phonePhoto({ format: "jpeg", width: 1600, height: 1200, orientation: 6 });
    expect(exifTags((await sharp(photo).metadata()).exif!)).toContain(GPS_IFD_TAG);
    const form = new FormData();
    form.append("file", new Blob([Buffer.from(photo)], { type: "image/jpeg" }), "IMG_0001.jpg");
    const res = await fetch(`${server!.base}/api/seller/uploads`, { method: "POST", body: form, headers: { cookie, origin: server!.base } });
    expect(res.status).toBe(201);
    const { upload } = (await res.json()) as { upload: { key: string; url: string; contentType: string } };
    expect(upload.key).toMatch(new RegExp(`^products/${seller.id}/[0-9a-f-]+\\.jpg$`));

    // In the bucket, as the shop stored it: upright (1200 × 1600), a JPEG without EXIF (GPS), XMP or profile.
    const object = await s3!.storage().get(upload.key);
    expect(object?.contentType).toBe("image/jpeg");
    const meta = await sharp(object!.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1200, 1600]);
    expect([meta.exif, meta.xmp, meta.icc]).toEqual([undefined, undefined, undefined]);
    expect(await readdir(uploadDir)).toEqual([]);

    // The shop: a product page shows the image by the shop's own URL, which serves the bucket's bytes.
    const product = await createProduct({ sellerId: seller.id, name: `S3 머그컵 ${Date.now()}`, images: [upload.url] });
    const page = await fetch(`${server!.base}/products/${product.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(upload.url);
    const img = await fetch(`${server!.base}${upload.url}`);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/jpeg");
    expect(img.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await img.arrayBuffer())).toEqual(object!.data);

    // Gone from the bucket, gone from the shop (no copy kept on any instance).
    await s3!.storage().delete(upload.key);
    expect((await fetch(`${server!.base}${upload.url}`)).status).toBe(404);
  });

  it("cuts off an upload that declares no length (chunked) once it passes the cap: a 413, the connection closed", async () => {
    const { cookie } = await signedInSeller();
    const boundary = "hu-chunked-upload";
    const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`);
    const chunk = new Uint8Array(256 * 1024);
    // 8 MB: over the upload's cap, under the 10 MB copy Next keeps for proxy.ts (it reads the whole body first).
    let left = 8 * 1024 * 1024;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(head),
      pull(c) {
        if (left <= 0) return c.close();
        left -= chunk.length;
        c.enqueue(chunk);
      },
    });
    const res = await fetch(`${server!.base}/api/seller/uploads`, {
      method: "POST", body, duplex: "half", headers: { cookie, origin: server!.base, "content-type": `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });
});
