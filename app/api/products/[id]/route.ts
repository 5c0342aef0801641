// GET /api/products/{id} — one public product with its current stock and sale state.
import { getProductOrThrow } from "@/lib/catalog/queries";
import { route } from "@/lib/http";
import { parseId } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  return Response.json({ product: await getProductOrThrow(parseId(params.id, "product")) });
});
