// DELETE /api/alerts/{id} — cancel one of the caller's alerts (204, also when cancelled already; anyone else's is 404)
import { cancelAlert } from "@/lib/alerts/service";
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseId } from "@/lib/validation";

export const DELETE = route<{ id: string }>(async (req, { params }) => {
  const user = await requireUser(req);
  await cancelAlert(user.id, parseId(params.id, "alert"));
  return new Response(null, { status: 204 });
});
