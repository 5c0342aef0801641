// GET|DELETE /api/me/sessions — list the active sessions; DELETE signs out everywhere (this one too)
import { listSessions } from "@/lib/accounts/queries";
import { revokeAllSessions } from "@/lib/auth/session";
import { clearSessionCookieHeader } from "@/lib/auth/cookie";
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";

export const GET = route(async (req) => {
  const user = await requireUser(req);
  return Response.json({ sessions: await listSessions(user.id, user.sessionId) });
});

export const DELETE = route(async (req) => {
  const user = await requireUser(req);
  const revoked = await revokeAllSessions(user.id);
  return Response.json({ revoked }, { headers: { "set-cookie": clearSessionCookieHeader() } });
});
