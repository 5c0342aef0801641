// DELETE /api/admin/dead-letters/[id] — discard a dead-letter job
import { discardDeadLetter } from "@/lib/admin/dead-letters";
import { requireRole } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseId } from "@/lib/validation";

export const DELETE = route<{ id: string }>(async (req, { params }) => {
  await requireRole(req, "ADMIN");
  return Response.json({ discarded: await discardDeadLetter(parseId(params.id, "dead letter")) });
});
