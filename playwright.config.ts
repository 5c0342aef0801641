import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium (Playwright cannot download its own browser here). scripts/e2e.sh prepares the
// database and the worker; Playwright starts the production server.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  // Per port: two runs in one checkout (E2E_PORT differs) must not wipe each other's traces.
  outputDir: `test-results/e2e-${port}`,
  // Ceilings, not waits: every wait is for a condition, and a busy machine only makes it come later.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: `playwright-report/e2e-${port}` }]],
  use: {
    baseURL,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production server (server/index.ts: Next plus the buy path's fast path), as `npm start` runs it,
    // exec'd so the shell Playwright starts is the server. Playwright runs it as a process group of its own
    // and stops the whole group: SIGTERM first (the server closes cleanly), SIGKILL after 10 s. The group's
    // id goes to E2E_SERVER_PIDFILE so scripts/e2e.sh can stop it even if Playwright itself is killed.
    command: `${process.env.E2E_SERVER_PIDFILE ? `echo $$ > "${process.env.E2E_SERVER_PIDFILE}"; ` : ""}PORT=${port} NODE_ENV=production exec node_modules/.bin/tsx server/index.ts`,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
