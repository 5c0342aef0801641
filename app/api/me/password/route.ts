// POST /api/me/password — change the password (current one required); other sessions are revoked
import { changePassword } from "@/lib/accounts/profile";
import { requireUser } from "@/lib/auth/guards";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  const user = await requireUser(req);
  return Response.json(await changePassword(user.id, user.sessionId, await readJson(req)));
});
