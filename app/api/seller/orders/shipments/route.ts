// POST /api/seller/orders/shipments — ship many orders from a CSV file ({ csv }): one result per row
import { readJson } from "@/lib/body";
import { bulkShip } from "@/lib/fulfilment/bulk";
import { bulkShipSchema, MAX_BULK_BODY_BYTES } from "@/lib/fulfilment/schemas";
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { parseInput } from "@/lib/validation";

export const POST = route(async (req) => {
  const scope = await sellerScope(req);
  const { csv } = parseInput(bulkShipSchema, await readJson(req, MAX_BULK_BODY_BYTES));
  return Response.json(await bulkShip(scope, csv));
});
