import "server-only";
// Every uploaded image is decoded and encoded again on the way in (sharp): turned upright from its EXIF
// orientation, shrunk to at most MAX_IMAGE_SIDE on its longest side (never enlarged), converted to sRGB and
// written without any metadata — no EXIF (a phone photo's GPS position, camera serial), XMP, IPTC or ICC
// profile reaches the shop's visitors. The format stays the one uploaded (a JPEG photo stays a small JPEG,
// a PNG or WebP keeps its transparency); animated images keep their first frame.
import sharp from "sharp";
import type { ImageType } from "./image";

/** The longest side an image is stored at: crisp on a 2× screen at the largest size the shop shows one. */
export const MAX_IMAGE_SIDE = 2000;
/**
 * Images of more pixels (from the header's width × height) are refused before they are decoded: a few
 * kilobytes of PNG can declare a picture that needs gigabytes (a decompression bomb). 50 MP is above any
 * phone's or camera's usual photo.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

// Every upload is a new image: sharp's operation cache would only hold memory.
sharp.cache(false);

export type ProcessedImage = { data: Uint8Array; width: number; height: number };
export type ImageRejection = "unsupported_image" | "image_too_many_pixels";

/** The image re-encoded as `type`, or why it cannot be one (not decodable as that type, or too many pixels). */
export async function processImage(bytes: Uint8Array, type: ImageType): Promise<ProcessedImage | { rejected: ImageRejection }> {
  try {
    const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true });
    const encoded =
      type.mime === "image/jpeg" ? pipeline.jpeg({ quality: 85, progressive: true })
      : type.mime === "image/png" ? pipeline.png({ compressionLevel: 9, adaptiveFiltering: true })
      : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  } catch (err) {
    // sharp's only signal is its message; anything else it cannot read is not an image we take.
    if (err instanceof Error && /exceeds pixel limit/.test(err.message)) return { rejected: "image_too_many_pixels" };
    return { rejected: "unsupported_image" };
  }
}
