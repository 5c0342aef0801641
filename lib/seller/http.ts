import "server-only";
// The shared first step of every /api/seller route: a seller or admin, and whose data they act on
// (an admin may name a seller with ?sellerId=).
import { requireRole } from "@/lib/auth/guards";
import { parseQuery } from "@/lib/validation";
import { sellerQuerySchema } from "./schemas";
import { resolveScope } from "./scope";

export async function sellerScope(req: Request) {
  const user = await requireRole(req, "SELLER", "ADMIN");
  const { sellerId } = parseQuery(sellerQuerySchema, new URL(req.url).searchParams);
  return resolveScope(user, sellerId);
}
