// GET /api/seller/orders/[id] — one order's seller lines, timeline, payment and refund
import { route } from "@/lib/http";
import { isOrderId } from "@/lib/orders/queries";
import { AppError } from "@/lib/errors";
import { sellerScope } from "@/lib/seller/http";
import { getSellerOrderOrThrow } from "@/lib/seller/queries";

export const GET = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  if (!isOrderId(params.id)) throw new AppError("NOT_FOUND", "order not found");
  return Response.json({ order: await getSellerOrderOrThrow(scope, params.id) });
});
