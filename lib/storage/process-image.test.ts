// Images on the way in: upright, at most MAX_IMAGE_SIDE, sRGB, and nothing of the phone's metadata left
// (EXIF with GPS, XMP, ICC); bombs and undecodable bytes refused.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffImage } from "./image";
import { MAX_IMAGE_SIDE, processImage } from "./process-image";
import { exifTags, GPS_IFD_TAG, hugePng, JPEG, phonePhoto } from "@/test/images";

async function processed(bytes: Uint8Array) {
  const out = await processImage(bytes, sniffImage(bytes)!);
  if ("rejected" in out) throw new Error(`rejected: ${out.rejected}`);
  return { ...out, meta: await sharp(out.data).metadata() };
}
const pixel = async (data: Uint8Array, left: number, top: number) =>
  [...(await sharp(data).extract({ left, top, width: 1, height: 1 }).removeAlpha().raw().toBuffer())];

describe("processImage", () => {
  it.each(["jpeg", "png", "webp"] as const)("strips EXIF (GPS included), XMP and the colour profile of a %s and keeps its format", async (format) => {
    const photo = await phonePhoto({ format, width: 600, height: 300, orientation: 1 });
    const before = await sharp(photo).metadata();
    // The input really carries all of it, or the test proves nothing.
    expect(exifTags(before.exif!)).toContain(GPS_IFD_TAG);
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();

    const { meta, width, height } = await processed(photo);
    expect(meta.format).toBe(format);
    expect([meta.width, meta.height, width, height]).toEqual([600, 300, 600, 300]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(meta.space).toBe("srgb");
  });

  it("turns a photo upright from its EXIF orientation, then shrinks its longest side to the maximum", async () => {
    // 3000 × 1500, red left and blue right, tagged "turn 90° clockwise to show": upright it is 1500 × 3000,
    // red on top; shrunk, 1000 × 2000.
    const { meta, data } = await processed(await phonePhoto({ width: 3000, height: 1500, orientation: 6 }));
    expect([meta.width, meta.height]).toEqual([MAX_IMAGE_SIDE / 2, MAX_IMAGE_SIDE]);
    const [top, bottom] = [await pixel(data, 500, 10), await pixel(data, 500, 1990)];
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });

  it("never enlarges a small image", async () => {
    const { meta } = await processed(await phonePhoto({ format: "png", width: 120, height: 80, orientation: 1 }));
    expect([meta.width, meta.height]).toEqual([120, 80]);
  });

  it("refuses a decompression bomb before decoding it, and bytes that only start like an image", async () => {
    const bomb = await hugePng(20_000, 20_000);
    expect(bomb.length).toBeLessThan(1000);
    expect(await processImage(bomb, sniffImage(bomb)!)).toEqual({ rejected: "image_too_many_pixels" });
    expect(await processImage(JPEG, sniffImage(JPEG)!)).toEqual({ rejected: "unsupported_image" });
  });
});
