// GET /api/metrics — Prometheus metrics (admissions, orders by status, holds expired, Redis fallback, repairs, payments, Toss breaker)
import { route } from "@/lib/http";
import { renderMetrics } from "@/lib/orders/metrics";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
