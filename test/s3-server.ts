// A local S3-compatible server (s3rver) for tests: its own free port on loopback, a fresh temporary folder,
// one bucket; stop() closes it and removes the folder. s3rver's default account is S3RVER / S3RVER.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { S3Storage } from "@/lib/storage/s3";

export type S3Server = {
  endpoint: string;
  bucket: string;
  /** The variables that point the shop at this server (STORAGE=s3). */
  env: Record<string, string>;
  /** A client of the bucket, as the shop makes one. */
  storage(keyPrefix?: string): S3Storage;
  stop(): Promise<void>;
};

export async function startS3Server(bucket = "hurryup-test"): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), "hu-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const clients: S3Storage[] = [];
  return {
    endpoint,
    bucket,
    env: {
      STORAGE: "s3", S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "1",
      S3_ACCESS_KEY_ID: credentials.accessKeyId, S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    storage(keyPrefix = "") {
      const s = new S3Storage({ bucket, region: "us-east-1", endpoint, forcePathStyle: true, keyPrefix, credentials });
      clients.push(s);
      return s;
    },
    async stop() {
      for (const c of clients) c.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
