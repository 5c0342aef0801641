// GET /api/admin/reconciliations — stock drifts found (and repaired) by reconciliation, newest first
import { listReconciliations } from "@/lib/admin/queries";
import { requireRole } from "@/lib/auth/guards";
import { route } from "@/lib/http";

export const GET = route(async (req) => {
  await requireRole(req, "ADMIN");
  return Response.json({ reports: await listReconciliations() });
});
