// GET /api/seller/products/[id]/orders — the drop's orders with fleet flags (new accounts, shared address ranges)
import { route } from "@/lib/http";
import { getDropFlags } from "@/lib/seller/flags";
import { sellerScope } from "@/lib/seller/http";
import { parseId } from "@/lib/validation";

export const GET = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  return Response.json(await getDropFlags(scope, parseId(params.id, "product")));
});
