// The one PostgreSQL client (Prisma 7 through @prisma/adapter-pg). Only queries and services import it.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function create(url = env.DATABASE_URL) {
  const options = env.DATABASE_PREPARED_STATEMENTS ? { statementNameGenerator } : {};
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: env.DATABASE_POOL_SIZE }, options) });
}

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

const globalForDb = globalThis as unknown as { hurryupDb?: Db };

/** Shared across hot reloads in development so connections are not leaked. */
export const db: Db = globalForDb.hurryupDb ?? create();
if (env.NODE_ENV !== "production") globalForDb.hurryupDb = db;

export { create as createDb };

/**
 * A unique-constraint violation, whether Prisma reports it for a model query (P2002) or for raw SQL
 * (P2010, whose driver-adapter cause carries PostgreSQL's SQLSTATE 23505): the one test every "someone else wrote it first" path uses.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2002") return true;
  const cause = (err.meta as { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return err.code === "P2010" && (cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation");
}
