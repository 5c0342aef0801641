// The local-disk Storage: files under one root folder, the content type in a sidecar file next to each.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import type { Storage } from "./index";
import { isSafeKey } from "./keys";

export class LocalDiskStorage implements Storage {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file of a key, or null if the key could leave the root (checked twice: syntax, then the resolved path). */
  private pathOf(key: string): string | null {
    if (!isSafeKey(key)) return null;
    const p = resolve(this.root, key);
    return p.startsWith(this.root + sep) ? p : null;
  }

  async put(key: string, data: Uint8Array, contentType: string) {
    const p = this.pathOf(key);
    if (!p) throw new Error(`unsafe storage key: ${key}`);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, data);
    await writeFile(`${p}.type`, contentType);
  }

  async get(key: string) {
    const p = this.pathOf(key);
    if (!p || key.endsWith(".type")) return null;
    try {
      const [data, contentType] = await Promise.all([readFile(p), readFile(`${p}.type`, "utf8")]);
      return { data: new Uint8Array(data), contentType };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT" || (err as NodeJS.ErrnoException).code === "EISDIR") return null;
      throw err;
    }
  }

  async delete(key: string) {
    const p = this.pathOf(key);
    if (!p) return;
    await rm(p, { force: true });
    await rm(`${p}.type`, { force: true });
  }
}
