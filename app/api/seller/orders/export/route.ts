// GET /api/seller/orders/export — the seller's orders as CSV for Excel (?status=&from=&to=&productId=)
import { clock } from "@/lib/clock";
import { csvFileName, exportOrdersCsv } from "@/lib/fulfilment/export";
import { csvResponse } from "@/lib/fulfilment/http";
import { exportQuerySchema } from "@/lib/fulfilment/schemas";
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { parseQuery } from "@/lib/validation";

export const GET = route(async (req) => {
  const filter = parseQuery(exportQuerySchema, new URL(req.url).searchParams);
  const scope = await sellerScope(req);
  return csvResponse(await exportOrdersCsv(scope, filter), csvFileName("orders", clock.now()));
});
