// GET /api/products/[id]/stock — live units and sale state, from Redis (no PostgreSQL query)
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { getLiveStock } from "@/lib/stock/live";
import { parseId } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (_req, { params }) => {
  const stock = await getLiveStock(parseId(params.id, "product"));
  if (!stock) throw new AppError("NOT_FOUND", "product not found");
  return Response.json({ stock }, { headers: { "cache-control": "no-store" } });
});
