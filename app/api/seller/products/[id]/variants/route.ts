// PUT /api/seller/products/[id]/variants — the product's option axes and variants ({ options, variants }).
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { setProductVariants } from "@/lib/seller/variants";
import { variantsInputSchema } from "@/lib/variants/schemas";
import { parseBody, parseId } from "@/lib/validation";

export const PUT = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const id = parseId(params.id, "product");
  const input = await parseBody(variantsInputSchema, req);
  return Response.json(await setProductVariants(scope, id, input));
});
