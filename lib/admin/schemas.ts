// Admin inputs (zod only), shared by the routes and the OpenAPI document (lib/openapi).
import { z } from "zod";

/** GET /api/admin/users: ?role=&page= */
export const listUsersQuerySchema = z.object({
  role: z.enum(["BUYER", "SELLER", "ADMIN"], { error: "invalid" }).optional(),
  page: z.coerce.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "invalid" }).max(10_000, { error: "invalid" }).default(1),
});
