// POST /api/seller/orders/[id]/return/refuse — refuse a requested return ({ reason }, shown to the buyer)
import { refuseReturn } from "@/lib/fulfilment/returns";
import { refuseReturnSchema } from "@/lib/fulfilment/schemas";
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { parseBody } from "@/lib/validation";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const { reason } = await parseBody(refuseReturnSchema, req);
  return Response.json(await refuseReturn(scope, params.id, reason));
});
