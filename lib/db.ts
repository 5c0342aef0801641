// The one PostgreSQL client (Prisma 7 through @prisma/adapter-pg). Only queries and services import it.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
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
