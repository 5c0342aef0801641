// GET /api/seller/sales — revenue and units by day, top products, refunds and payouts (?days=30)
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { getSales } from "@/lib/seller/sales";
import { salesQuerySchema } from "@/lib/seller/schemas";
import { parseQuery } from "@/lib/validation";

export const GET = route(async (req) => {
  const { days } = parseQuery(salesQuerySchema, new URL(req.url).searchParams);
  const scope = await sellerScope(req);
  return Response.json(await getSales(scope, days));
});
