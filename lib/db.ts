// The one PostgreSQL client: Prisma 7 through @prisma/adapter-pg, on a pg pool of our own that `queryRows` shares for the hottest statements. Only queries and services import it.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/** Prisma on a pool of our own, so the few statements that cannot afford Prisma's per-call cost share it. */
function connect(url = env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: url, max: env.DATABASE_POOL_SIZE });
  // disposeExternalPool: $disconnect() ends the pool, as it would end a pool of Prisma's own.
  const options = { disposeExternalPool: true, ...(env.DATABASE_PREPARED_STATEMENTS && { statementNameGenerator }) };
  return { db: new PrismaClient({ adapter: new PrismaPg(pool, options) }), pool };
}
const create = (url?: string) => connect(url).db;

/**
 * Statements are prepared once per connection under a name derived from their text, so PostgreSQL parses
 * and plans them once instead of on every call: planning was about half of what the confirm's statements
 * cost PostgreSQL (docs/benchmarks.md). Statements with long parameter lists (an IN list's length is part
 * of its text) stay unnamed, so each connection keeps a bounded set: the shapes of the shop's queries.
 */
const named = new Map<string, string>();
const MAX_NAMED = 2_000;
/** The statement's name; "" leaves it unnamed (pg prepares a statement only under a non-empty name). */
function statementNameGenerator(query: { sql: string; args: unknown[] }): string {
  if (query.args.length > 32) return "";
  let name = named.get(query.sql);
  if (name === undefined) {
    if (named.size >= MAX_NAMED) return "";
    name = `hu_${createHash("sha1").update(query.sql).digest("base64url")}`;
    named.set(query.sql, name);
  }
  return name;
}

export type Db = ReturnType<typeof create>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { hurryupDb?: ReturnType<typeof connect> };

/** Shared across hot reloads in development so connections are not leaked. */
const shared = globalForDb.hurryupDb ?? connect();
if (env.NODE_ENV !== "production") globalForDb.hurryupDb = shared;
export const db: Db = shared.db;

// Timestamps are stored as `timestamp(3)` holding UTC (Prisma's mapping); pg would read them as local time.
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const utcTypes = { getTypeParser: (oid: number, format?: string) => (oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as "text")) };

/**
 * One statement straight on the pool Prisma uses, for the hottest statements only (the confirm's two:
 * docs/benchmarks.md measured Prisma's per-call work at about a quarter of a confirm's CPU in the server).
 * Written with `Prisma.sql` like any raw query; Dates go in as UTC and timestamps come back as Prisma reads
 * them. Everything else goes through Prisma: this is not a second way to query, only a cheaper call.
 */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const name = env.DATABASE_PREPARED_STATEMENTS ? statementNameGenerator({ sql: query.text, args: values }) : "";
  const r = await shared.pool.query({ text: query.text, values, types: utcTypes, ...(name && { name }) });
  return r.rows as T[];
}

export { create as createDb };

/**
 * A unique-constraint violation, whether Prisma reports it for a model query (P2002) or for raw SQL
 * (P2010, whose driver-adapter cause carries PostgreSQL's SQLSTATE 23505): the one test every "someone else wrote it first" path uses.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof pg.DatabaseError) return err.code === "23505"; // queryRows
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2002") return true;
  const cause = (err.meta as { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return err.code === "P2010" && (cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation");
}
