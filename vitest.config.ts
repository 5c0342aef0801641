import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// Integration tests get their own database and Redis key prefix; globalSetup creates and migrates it.
const testEnv = {
  NODE_ENV: "test" as const,
  LOG_LEVEL: "silent",
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/hurryup_test_${process.pid}`,
  REDIS_KEY_PREFIX: `test:${process.pid}:`,
};
// globalSetup runs in this process and the test workers inherit it.
Object.assign(process.env, testEnv);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: resolve(root, "test/empty.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    globalSetup: ["test/global-setup.ts"],
    // Ceilings for a hung test, not budgets: integration tests wait for conditions, and on a busy machine
    // (two cores, load average 20+) the heavier ones — 400 buyers through a Redis crash — take 30 s and more.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Integration files share one database and the outbox; run them one at a time so their ledger
    // checks and queue counts see only their own work.
    fileParallelism: false,
    env: testEnv,
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; letting
    // Vite process it resolves the import the way Next does.
    server: { deps: { inline: ["next-auth"] } },
  },
});
