// POST /api/seller/products/[id]/orders/exclude — cancel flagged unpaid orders ({ orderIds? }; none = all of them)
import { route } from "@/lib/http";
import { excludeFlaggedOrders } from "@/lib/seller/flags";
import { sellerScope } from "@/lib/seller/http";
import { excludeOrdersSchema } from "@/lib/seller/schemas";
import { parseBody, parseId } from "@/lib/validation";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const id = parseId(params.id, "product");
  const { orderIds } = await parseBody(excludeOrdersSchema, req);
  return Response.json(await excludeFlaggedOrders(scope, id, orderIds));
});
