// GET /api/seller/products/[id]/monitor — live drop figures (polled by the monitor page)
import { route } from "@/lib/http";
import { getDropMonitor } from "@/lib/seller/monitor";
import { sellerScope } from "@/lib/seller/http";
import { parseId } from "@/lib/validation";

export const GET = route<{ id: string }>(async (req, { params }) => {
  const scope = await sellerScope(req);
  const monitor = await getDropMonitor(scope, parseId(params.id, "product"));
  return Response.json({ monitor }, { headers: { "cache-control": "no-store" } });
});
