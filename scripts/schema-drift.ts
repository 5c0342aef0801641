// Compares what schema.prisma describes with what the migrations build, table by table, column by
// column, index by index. Each side is applied to a scratch database and read back from the catalog.
// CHECK constraints are not compared: Prisma cannot express them, so migrations add them on their own.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { dropDatabase, ensureDatabase, migrate } from "./migrate";
import { schemaSql } from "./schema-sql";

type Snapshot = Set<string>;

async function snapshot(url: string): Promise<Snapshot> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows: string[] = [];
    const q = async (sql: string) => (await c.query(sql)).rows.forEach((r) => rows.push(Object.values(r).join(" | ")));
    await q(`SELECT 'column', table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, ''),
               coalesce(character_maximum_length::text, ''), coalesce(numeric_precision::text, '')
             FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    await q(`SELECT 'index', tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    await q(`SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
             WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u') AND conrelid::regclass::text <> '_prisma_migrations'`);
    await q(`SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t
             JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    return new Set(rows);
  } finally {
    await c.end();
  }
}

function scratchUrl(base: string, tag: string): string {
  const u = new URL(base);
  u.pathname = `/drift_${tag}_${randomBytes(4).toString("hex")}`;
  return u.toString();
}

/** Lines present on one side only; empty when schema.prisma and the migrations agree. */
export async function schemaDrift(schemaText: string, baseUrl: string): Promise<{ onlyInSchema: string[]; onlyInMigrations: string[] }> {
  const fromSchema = scratchUrl(baseUrl, "schema");
  const fromMigrations = scratchUrl(baseUrl, "migrations");
  try {
    await ensureDatabase(fromSchema);
    const c = new pg.Client({ connectionString: fromSchema });
    await c.connect();
    await c.query(schemaSql(schemaText, undefined, fromSchema));
    await c.end();
    await migrate(fromMigrations);
    const [a, b] = await Promise.all([snapshot(fromSchema), snapshot(fromMigrations)]);
    return { onlyInSchema: [...a].filter((x) => !b.has(x)).sort(), onlyInMigrations: [...b].filter((x) => !a.has(x)).sort() };
  } finally {
    await Promise.all([dropDatabase(fromSchema), dropDatabase(fromMigrations)]);
  }
}
