// DELETE /api/me/sessions/{id} — revoke one of the caller's sessions (someone else's is a 404)
import { revokeSession } from "@/lib/auth/session";
import { requireUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";
import { parseId } from "@/lib/validation";

export const DELETE = route<{ id: string }>(async (req, { params }) => {
  const user = await requireUser(req);
  if (!(await revokeSession(user.id, parseId(params.id, "session")))) throw notFound("session");
  return new Response(null, { status: 204 });
});
