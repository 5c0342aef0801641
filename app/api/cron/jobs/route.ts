// GET /api/cron/jobs — Vercel Cron's call (vercel.json, every minute): relay the outbox, send due scheduled jobs, run ready jobs
import { route } from "@/lib/http";
import { requireCronSecret } from "@/lib/jobs/cron-auth";
import { runJobsOnce } from "@/lib/jobs/drain";
import { jobs } from "@/worker/registry";

export const dynamic = "force-dynamic";
/** Seconds the platform lets this run; the budget leaves room to finish the job in hand and answer. */
export const maxDuration = 60;
const BUDGET_MS = 45_000;

export const GET = route(async (req) => {
  requireCronSecret(req);
  return Response.json(await runJobsOnce(jobs, { budgetMs: BUDGET_MS }), { headers: { "cache-control": "no-store" } });
});
