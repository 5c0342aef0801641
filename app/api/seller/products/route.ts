// GET /api/seller/products — the seller's products with stock; POST — create a product or a drop
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { listSellerProducts } from "@/lib/seller/queries";
import { productCreateSchema } from "@/lib/seller/schemas";
import { createProduct } from "@/lib/seller/service";
import { parseBody } from "@/lib/validation";

export const GET = route(async (req) => {
  const scope = await sellerScope(req);
  return Response.json({ products: await listSellerProducts(scope) });
});

export const POST = route(async (req) => {
  const scope = await sellerScope(req);
  const input = await parseBody(productCreateSchema, req);
  const product = await createProduct(scope, input, new URL(req.url).searchParams.get("sellerId") ?? undefined);
  return Response.json({ product }, { status: 201 });
});
