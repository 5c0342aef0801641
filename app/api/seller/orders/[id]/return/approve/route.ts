// POST /api/seller/orders/[id]/return/approve — approve a requested return after inspection: refund, units back
import { approveReturn } from "@/lib/fulfilment/returns";
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  return Response.json(await approveReturn(scope, params.id));
});
