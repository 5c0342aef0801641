// Server code (no React): where uploaded files live. One small interface, two implementations chosen once
// from the environment (docs/storage.md): a local folder (UPLOAD_DIR) or an S3-compatible bucket.
import { env, type Env } from "@/lib/env";
import { LocalDiskStorage } from "./local-disk";
import { S3Storage } from "./s3";

export { isSafeKey } from "./keys";

export type StoredFile = { data: Uint8Array; contentType: string };

export interface Storage {
  /** Stores bytes under a key of [a-z0-9/._-] segments; overwrites an existing key. Throws on an unsafe key. */
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The bytes and their type, or null when there is no such key (or the key is not a valid one). */
  get(key: string): Promise<StoredFile | null>;
  /** Removes a key; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** The storage the environment names. */
export function createStorage(e: Env = env): Storage {
  if (e.STORAGE === "local") return new LocalDiskStorage(e.UPLOAD_DIR);
  return new S3Storage({
    bucket: e.S3_BUCKET!,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    keyPrefix: e.S3_KEY_PREFIX,
    credentials: e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY! } : undefined,
  });
}

const g = globalThis as unknown as { hurryupStorage?: Storage };
export function storage(): Storage {
  return (g.hurryupStorage ??= createStorage());
}
export function setStorage(s: Storage | undefined) {
  g.hurryupStorage = s;
}
