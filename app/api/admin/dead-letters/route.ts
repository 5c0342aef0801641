// GET /api/admin/dead-letters — jobs that failed their last try, newest first (ADMIN only; ?queue, ?page, ?pageSize)
import { requireRole } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { deadLettersQuerySchema, listDeadLetters } from "@/lib/jobs/dead-letters";
import { parseQuery } from "@/lib/validation";

export const GET = route(async (req) => {
  await requireRole(req, "ADMIN");
  return Response.json(await listDeadLetters(parseQuery(deadLettersQuerySchema, new URL(req.url).searchParams)));
});
