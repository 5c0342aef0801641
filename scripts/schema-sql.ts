// Prints the SQL that turns one Prisma datamodel into another, offline, using Prisma 6's wasm engine.
//   tsx scripts/schema-sql.ts                 SQL for prisma/schema.prisma from an empty database
//   tsx scripts/schema-sql.ts --from OLD.prisma   SQL from OLD.prisma to prisma/schema.prisma
// Used by `npm run db:diff` to write a new migration and by the schema drift test.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** A copy of a Prisma 7 schema in the form Prisma 6's CLI accepts. */
function toPrisma6(schema: string): string {
  return schema
    .replace(/datasource db \{[^}]*\}/, 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}')
    .replace(/generator client \{[^}]*\}/, 'generator client {\n  provider = "prisma-client-js"\n  engineType = "client"\n}');
}

export function schemaSql(toSchema: string, fromSchema?: string, databaseUrl?: string): string {
  mkdirSync(join(root, "node_modules/.cache"), { recursive: true });
  // Inside the repository so that the config file resolves this project's node_modules.
  const work = mkdtempSync(join(root, "node_modules/.cache/schema-sql-"));
  const dummy = join(work, "engine");
  writeFileSync(dummy, "#!/bin/sh\nexit 0\n");
  chmodSync(dummy, 0o755);
  writeFileSync(join(work, "to.prisma"), toPrisma6(toSchema));
  writeFileSync(join(work, "schema.prisma"), toPrisma6(toSchema));
  if (fromSchema) writeFileSync(join(work, "from.prisma"), toPrisma6(fromSchema));
  writeFileSync(join(work, "prisma.config.ts"), readFileSync(join(root, "scripts/prisma6/prisma.config.ts")));
  const args = ["migrate", "diff", "--script", "--to-schema-datamodel", join(work, "to.prisma")];
  args.push(...(fromSchema ? ["--from-schema-datamodel", join(work, "from.prisma")] : ["--from-empty"]));
  const cli = join(root, "node_modules/prisma6/build/index.js");
  try {
    return execFileSync(process.execPath, [cli, ...args, "--config", join(work, "prisma.config.ts")], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      PRISMA_SCHEMA_ENGINE_BINARY: dummy,
      PRISMA_QUERY_ENGINE_LIBRARY: dummy,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fromIdx = process.argv.indexOf("--from");
  const from = fromIdx > 0 ? readFileSync(process.argv[fromIdx + 1], "utf8") : undefined;
  process.stdout.write(schemaSql(readFileSync(join(root, "prisma/schema.prisma"), "utf8"), from));
}
