// GET /api/admin/users — users with their roles (?role=&page=)
import { listUsers } from "@/lib/admin/queries";
import { listUsersQuerySchema } from "@/lib/admin/schemas";
import { requireRole } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseQuery } from "@/lib/validation";

export const GET = route(async (req) => {
  await requireRole(req, "ADMIN");
  return Response.json(await listUsers(parseQuery(listUsersQuerySchema, new URL(req.url).searchParams)));
});
