import "server-only";
// Product image uploads: size first, then the type from the file's own bytes (jpeg/png/webp), then decoded
// and re-encoded without metadata (lib/storage/process-image.ts), stored under a fresh name in the seller's
// folder. The name and declared type the browser sent are ignored.
import { randomUUID } from "node:crypto";
import { declaresTooLarge, readCappedBytes } from "@/lib/body";
import { AppError } from "@/lib/errors";
import { MAX_IMAGE_BYTES, sniffImage } from "@/lib/storage/image";
import { processImage } from "@/lib/storage/process-image";
import { storage, type Storage } from "@/lib/storage";

export const UPLOAD_URL_PREFIX = "/api/uploads/";

const refuse = (code: string) => new AppError("VALIDATION", "Invalid upload", { file: [code] });

export async function uploadProductImage(sellerId: string | null, file: unknown, store: Storage = storage()) {
  if (!(file instanceof Blob) || file.size === 0) throw refuse("required");
  if (file.size > MAX_IMAGE_BYTES) throw refuse("file_too_large");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImage(bytes);
  if (!type) throw refuse("unsupported_image");
  const image = await processImage(bytes, type);
  if ("rejected" in image) throw refuse(image.rejected);
  const key = `products/${sellerId ?? "admin"}/${randomUUID()}.${type.ext}`;
  await store.put(key, image.data, type.mime);
  return { key, url: `${UPLOAD_URL_PREFIX}${key}`, contentType: type.mime, size: image.data.length, width: image.width, height: image.height };
}

/** The most a multipart body may carry beyond the file: its boundaries and part headers. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads a multipart body without letting an oversized one in. A declared length over the cap is the file
 * field's file_too_large before a byte is read; a body that declares none (chunked) is counted as it
 * arrives and cut off at the cap, a 413 like any body over its cap (lib/body.ts).
 */
export async function readUploadForm(req: Request): Promise<FormData> {
  const max = MAX_IMAGE_BYTES + FORM_OVERHEAD_BYTES;
  if (declaresTooLarge(req.headers, max)) throw refuse("file_too_large");
  const bytes = req.body ? await readCappedBytes(req.body, max) : Buffer.alloc(0);
  try {
    return await new Response(new Uint8Array(bytes), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "Expected a multipart/form-data body with a file field");
  }
}
