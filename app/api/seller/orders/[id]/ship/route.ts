// POST /api/seller/orders/[id]/ship — mark the order shipped with a courier and tracking number (idempotent)
import { shipSchema } from "@/lib/fulfilment/schemas";
import { shipOrder } from "@/lib/fulfilment/shipping";
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { parseBody } from "@/lib/validation";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const input = await parseBody(shipSchema, req);
  return Response.json(await shipOrder(scope, params.id, input));
});
