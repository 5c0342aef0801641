// Prisma 6's wasm schema engine, used only to turn schema.prisma into SQL offline (Prisma 7's CLI
// downloads a native engine, which this network cannot reach). See scripts/schema-sql.ts.
import { defineConfig } from "prisma6/config";
import { PrismaPg } from "adapter-pg6";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
} as never);
