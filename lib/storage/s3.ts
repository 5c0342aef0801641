// The S3-compatible Storage: one object per key in one bucket (AWS S3, Cloudflare R2, MinIO, …), so every
// app instance and every Vercel function sees every upload. The content type is the object's own.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Storage } from "./index";
import { isSafeKey } from "./keys";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** An S3-compatible service's address; unset = AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Prepended to every key ("" or folders ending in "/"). */
  keyPrefix?: string;
  /** Unset = the SDK's default chain (roles, AWS_* variables). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/**
 * Whether an SDK error means "no such object" (AWS says NoSuchKey; some compatible services only 404). A
 * missing bucket is a 404 too, but a fault of the configuration, not an image that is not there.
 */
const isMissing = (err: unknown) =>
  err instanceof S3ServiceException && err.name !== "NoSuchBucket" && (err.name === "NoSuchKey" || err.$metadata.httpStatusCode === 404);

/** The bucket could not be reached or refused us: a 503 to retry, the SDK's error in the log. */
function unavailable(op: string, err: unknown): AppError {
  log.error({ err, op }, "s3 storage failed");
  return new AppError("UNAVAILABLE", "Image storage is unavailable; please retry", undefined, { retryAfter: 5 });
}

export class S3Storage implements Storage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(opts: S3StorageOptions) {
    this.bucket = opts.bucket;
    this.prefix = opts.keyPrefix ?? "";
    this.client = new S3Client({
      region: opts.region,
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      credentials: opts.credentials,
      // The SDK's default CRC checksums (aws-chunked bodies with trailers) are not understood by every
      // S3-compatible service; send and check them only where an operation requires one.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 3,
    });
  }

  private objectKey(key: string): string | null {
    return isSafeKey(key) ? `${this.prefix}${key}` : null;
  }

  async put(key: string, data: Uint8Array, contentType: string) {
    const Key = this.objectKey(key);
    if (!Key) throw new Error(`unsafe storage key: ${key}`);
    await this.client
      .send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: data, ContentType: contentType, ContentLength: data.length }))
      .catch((err) => Promise.reject(unavailable("put", err)));
  }

  async get(key: string) {
    const Key = this.objectKey(key);
    if (!Key) return null;
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      if (!out.Body) return null;
      return { data: await out.Body.transformToByteArray(), contentType: out.ContentType ?? "application/octet-stream" };
    } catch (err) {
      if (isMissing(err)) return null;
      throw unavailable("get", err);
    }
  }

  async delete(key: string) {
    const Key = this.objectKey(key);
    if (!Key) return;
    // S3 answers 204 for a key that is not there: deleting twice is fine.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key })).catch((err) => Promise.reject(unavailable("delete", err)));
  }

  /** Closes the client's sockets (tests; a server keeps it for its lifetime). */
  destroy() {
    this.client.destroy();
  }
}
