// GET /api/seller/products/[id] — one product; PATCH — edit (units = new total); DELETE — archive
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { productUpdateSchema } from "@/lib/seller/schemas";
import { ownedProductOrThrow } from "@/lib/seller/scope";
import { archiveProduct, updateProduct } from "@/lib/seller/service";
import { parseBody, parseId } from "@/lib/validation";

type P = { id: string };

export const GET = route<P>(async (req, { params }) => {
  const scope = await sellerScope(req);
  return Response.json({ product: await ownedProductOrThrow(scope, parseId(params.id, "product")) });
});

export const PATCH = route<P>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const id = parseId(params.id, "product");
  const input = await parseBody(productUpdateSchema, req);
  return Response.json({ product: await updateProduct(scope, id, input) });
});

export const DELETE = route<P>(async (req, { params }) => {
  const scope = await sellerScope(req);
  return Response.json({ product: await archiveProduct(scope, parseId(params.id, "product")) });
});
