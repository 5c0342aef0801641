// POST /api/test-hooks/products/[id]/opening — test hooks only (404 otherwise): the drop opens
// { inSeconds } from the server's now, rescheduled through the seller's own update.
import { route } from "@/lib/http";
import { openingSchema, requireTestHooks, rescheduleOpening } from "@/lib/test-hooks";
import { parseBody, parseId } from "@/lib/validation";

export const POST = route<{ id: string }>(async (req, { params }) => {
  requireTestHooks();
  const { inSeconds } = await parseBody(openingSchema, req);
  const saleStartsAt = await rescheduleOpening(parseId(params.id, "product"), inSeconds);
  return Response.json({ saleStartsAt: saleStartsAt.toISOString() });
});
