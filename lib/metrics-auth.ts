import "server-only";
// Who may scrape GET /api/metrics. In production the figures (order counts, payment outcomes, the stock
// tier's state) are for the operator's Prometheus only: it sends `Authorization: Bearer ${METRICS_TOKEN}`.
// The local demo (HURRYUP_DEMO=1, which the benchmarks also run) and development leave the route open.
import { hasBearer } from "@/lib/bearer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function requireMetricsAccess(req: Request): void {
  if (env.NODE_ENV !== "production" || env.HURRYUP_DEMO) return;
  // Unset in production = off, never open (like the cron trigger).
  if (!env.METRICS_TOKEN) throw new AppError("METRICS_DISABLED", "Metrics are off: METRICS_TOKEN is not set");
  if (!hasBearer(req, env.METRICS_TOKEN)) throw new AppError("UNAUTHENTICATED", "Wrong or missing metrics token");
}
