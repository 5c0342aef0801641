// GET /api/seller/orders — orders containing the seller's products (?status=&from=&to=&productId=&page=)
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { listSellerOrders } from "@/lib/seller/queries";
import { orderFilterSchema } from "@/lib/seller/schemas";
import { parseQuery } from "@/lib/validation";

export const GET = route(async (req) => {
  const filter = parseQuery(orderFilterSchema, new URL(req.url).searchParams);
  const scope = await sellerScope(req);
  return Response.json(await listSellerOrders(scope, filter));
});
