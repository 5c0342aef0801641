// The S3 storage against a real S3-compatible server (s3rver, started here on a free port with its own
// folder): the same contract as the local disk, plus the key prefix and what the environment chooses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "@/lib/storage";
import { S3Storage } from "@/lib/storage/s3";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { env } from "@/lib/env";
import { freePort } from "@/test/redis-server";
import { startS3Server, type S3Server } from "@/test/s3-server";
import { storageContract } from "@/test/storage-contract";

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.stop());

storageContract("S3Storage", () => s3.storage());

describe("S3Storage", () => {
  it("keeps keys under its prefix: another prefix does not see them", async () => {
    const shop = s3.storage("shop-a/");
    const other = s3.storage("shop-b/");
    const root = s3.storage();
    await shop.put("products/x/1.png", Uint8Array.of(1, 2, 3), "image/png");
    expect((await root.get("shop-a/products/x/1.png"))?.data).toEqual(Uint8Array.of(1, 2, 3));
    expect(await other.get("products/x/1.png")).toBeNull();
  });

  it("answers 503 for a failure that is not a missing key (no such bucket, nothing listening) instead of reading it as nothing", async () => {
    const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
    const noBucket = new S3Storage({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, bucket: "no-such-bucket", credentials });
    const nobody = new S3Storage({ region: "us-east-1", endpoint: `http://127.0.0.1:${await freePort()}`, forcePathStyle: true, bucket: s3.bucket, credentials });
    try {
      const refused = { code: "UNAVAILABLE", status: 503 };
      await expect(noBucket.put("a.png", Uint8Array.of(1), "image/png")).rejects.toMatchObject(refused);
      await expect(noBucket.get("a.png")).rejects.toMatchObject(refused);
      await expect(nobody.put("a.png", Uint8Array.of(1), "image/png")).rejects.toMatchObject(refused);
      await expect(nobody.get("a.png")).rejects.toMatchObject(refused);
      await expect(nobody.delete("a.png")).rejects.toMatchObject(refused);
    } finally {
      noBucket.destroy();
      nobody.destroy();
    }
  });

  it("is what STORAGE=s3 chooses, and STORAGE=local the folder", async () => {
    const chosen = createStorage({ ...env, STORAGE: "s3", S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_FORCE_PATH_STYLE: true, S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" });
    expect(chosen).toBeInstanceOf(S3Storage);
    await chosen.put("products/env/1.webp", Uint8Array.of(9), "image/webp");
    expect(await s3.storage().get("products/env/1.webp")).toEqual({ data: Uint8Array.of(9), contentType: "image/webp" });
    (chosen as S3Storage).destroy();
    expect(createStorage({ ...env, STORAGE: "local" })).toBeInstanceOf(LocalDiskStorage);
  });
});
