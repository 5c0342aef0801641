// GET /api/products — list the public catalog (page, pageSize, q, category, type, available, sort).
import { listProducts } from "@/lib/catalog/queries";
import { listProductsQuerySchema } from "@/lib/catalog/schemas";
import { route } from "@/lib/http";
import { parseQuery } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const query = parseQuery(listProductsQuerySchema, new URL(req.url).searchParams);
  return Response.json(await listProducts(query));
});
