// Row-lock choreography for the lock-order tests: a transaction holds what a statement would hold at some
// point of its run, starts the competing operation, and waits until PostgreSQL shows it blocked behind it.
import { db } from "@/lib/db";

/** Waits until some session is blocked by backend `pid` (on a statement starting with `statement`, if given). */
export async function blockedBy(pid: number, statement = "", ceilingMs = 30_000): Promise<void> {
  for (const until = Date.now() + ceilingMs; Date.now() < until; ) {
    const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid)) AND query LIKE ${`${statement}%`}`;
    if (n > 0n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no session waited on backend ${pid}${statement ? ` (${statement})` : ""} within ${ceilingMs} ms`);
}
