// GET /api/metrics — Prometheus metrics (admissions, orders by status, holds expired, Redis fallback, repairs, payments, Toss breaker)
// In production only with `Authorization: Bearer $METRICS_TOKEN` (lib/metrics-auth.ts).
import { route } from "@/lib/http";
import { requireMetricsAccess } from "@/lib/metrics-auth";
import { renderMetrics } from "@/lib/orders/metrics";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  requireMetricsAccess(req);
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
