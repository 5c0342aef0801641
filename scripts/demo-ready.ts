// `npm run demo`'s last step (scripts/demo.sh): once the shop answers /api/health, the demo drops' sale
// windows are set from now (prisma/seed/catalog.ts, retimeDrops) — so a newcomer meets a countdown, a live
// drop, a sold-out and an ended one whatever the build took — and only then is the address printed, with
// the demo accounts (docs/demo-accounts.md).
// Usage: tsx scripts/demo-ready.ts <port> <server process id>
import "dotenv/config";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { stockGate } from "@/lib/stock/gate";
import { loadSeededStock, retimeDrops } from "@/prisma/seed/catalog";
import { DEMO_PASSWORD, demoUsers } from "@/prisma/seed/users";
import { readyBanner, waitUntilAnswers } from "./lib/demo";

const SERVER_START_TIMEOUT_MS = 5 * 60_000;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(port: number, serverPid: number) {
  // Probed on IPv4 (the server's default HOST is 0.0.0.0); shown as localhost, the address to open.
  await waitUntilAnswers(`http://127.0.0.1:${port}/api/health`, { alive: () => isRunning(serverPid), timeoutMs: SERVER_START_TIMEOUT_MS });
  const drops = await retimeDrops(db, clock.nowMs());
  const gate = stockGate();
  try {
    if (gate.mode === "redis") await loadSeededStock(gate.store, drops); // PostgreSQL-only: nothing to load
  } finally {
    await gate.close();
  }
  console.log(readyBanner({ baseUrl: `http://localhost:${port}`, accounts: demoUsers, password: DEMO_PASSWORD }));
}

const [port, pid] = process.argv.slice(2).map(Number);
main(port, pid)
  .then(() => db.$disconnect())
  .then(() => process.exit(0))
  .catch(async (err) => {
    console.error(`demo: ${err instanceof Error ? err.message : err}`);
    await db.$disconnect();
    process.exit(1);
  });
