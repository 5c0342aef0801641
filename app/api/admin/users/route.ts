// GET /api/admin/users — users with their roles (?role=&page=)
import { z } from "zod";
import { listUsers } from "@/lib/admin/queries";
import { requireRole } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseQuery } from "@/lib/validation";

const querySchema = z.object({
  role: z.enum(["BUYER", "SELLER", "ADMIN"], { error: "invalid" }).optional(),
  page: z.coerce.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "invalid" }).max(10_000, { error: "invalid" }).default(1),
});

export const GET = route(async (req) => {
  await requireRole(req, "ADMIN");
  return Response.json(await listUsers(parseQuery(querySchema, new URL(req.url).searchParams)));
});
