// GET /api/seller/orders/shipments/template — the bulk-shipping CSV template, prefilled with the orders to ship
import { csvFileName, shipmentTemplateCsv } from "@/lib/fulfilment/export";
import { csvResponse } from "@/lib/fulfilment/http";
import { clock } from "@/lib/clock";
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";

export const GET = route(async (req) => {
  const scope = await sellerScope(req);
  return csvResponse(await shipmentTemplateCsv(scope), csvFileName("shipments", clock.now()));
});
