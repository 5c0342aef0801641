// The one PostgreSQL client (Prisma 7 through @prisma/adapter-pg). Only queries and services import it.
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function create(url = env.DATABASE_URL) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: env.DATABASE_POOL_SIZE }) });
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
