// Prisma 7 CLI configuration. The client runs through @prisma/adapter-pg; migrations are plain SQL in
// prisma/migrations, applied by scripts/migrate.ts (or `prisma migrate deploy` where the engine can be
// downloaded).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hurryup" },
});
