// PATCH /api/admin/users/[id] — change a user's role ({ role, shopName? } — shopName when becoming a seller)
import { changeRole } from "@/lib/admin/service";
import { requireRole } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { roleChangeSchema } from "@/lib/seller/schemas";
import { parseBody, parseId } from "@/lib/validation";

export const PATCH = route<{ id: string }>(async (req, { params }) => {
  const admin = await requireRole(req, "ADMIN");
  const id = parseId(params.id, "user");
  const { role, shopName } = await parseBody(roleChangeSchema, req);
  return Response.json({ user: await changeRole(admin.id, id, role, shopName) });
});
