// GET/PUT /api/seller/products/[id]/variants — a product's option axes and variants (docs/variants.md)
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { parseBody, parseId } from "@/lib/validation";
import { variantsInputSchema } from "@/lib/variants/schemas";
import { getSellerVariants, setProductVariants } from "@/lib/variants/service";

export const GET = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const id = parseId(params.id, "product");
  return Response.json(await getSellerVariants(scope, id));
});

export const PUT = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const id = parseId(params.id, "product");
  const input = await parseBody(variantsInputSchema, req);
  return Response.json(await setProductVariants(scope, id, input));
});
