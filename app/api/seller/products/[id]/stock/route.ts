// POST /api/seller/products/[id]/stock — restock: add units to PostgreSQL and Redis ({ add: n, variantId? })
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { restockSchema } from "@/lib/seller/schemas";
import { restockProduct } from "@/lib/seller/service";
import { parseBody, parseId } from "@/lib/validation";

export const POST = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const id = parseId(params.id, "product");
  const { add, variantId } = await parseBody(restockSchema, req);
  return Response.json({ inventory: await restockProduct(scope, id, add, variantId) });
});
