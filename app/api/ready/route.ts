// GET /api/ready — ready to serve: PostgreSQL and Redis reachable; 503 naming what is failing.
import { checkReadiness } from "@/lib/health/queries";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const report = await checkReadiness();
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
