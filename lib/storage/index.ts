// Server code (no React): where uploaded files live. One small interface so an S3-compatible store can be
// configured later; today the local disk under UPLOAD_DIR.
import { env } from "@/lib/env";
import { LocalDiskStorage } from "./local-disk";

export { isSafeKey } from "./keys";

export interface Storage {
  /** Stores bytes under a key of [a-z0-9/._-] segments; overwrites an existing key. */
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The bytes and their type, or null when there is no such key (or the key is not a valid one). */
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
}

const g = globalThis as unknown as { hurryupStorage?: Storage };
export function storage(): Storage {
  return (g.hurryupStorage ??= new LocalDiskStorage(env.UPLOAD_DIR));
}
export function setStorage(s: Storage | undefined) {
  g.hurryupStorage = s;
}
