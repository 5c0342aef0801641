// POST /api/admin/dead-letters/[id]/retry — send a dead-letter job back to its queue
import { retryDeadLetter } from "@/lib/admin/dead-letters";
import { requireRole } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseId } from "@/lib/validation";
import { jobs } from "@/worker/registry";

export const POST = route<{ id: string }>(async (req, { params }) => {
  await requireRole(req, "ADMIN");
  return Response.json({ retried: await retryDeadLetter(parseId(params.id, "dead letter"), jobs) });
});
