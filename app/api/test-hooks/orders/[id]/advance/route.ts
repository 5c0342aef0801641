// POST /api/test-hooks/orders/[id]/advance — test hooks only (404 otherwise): take the order's next
// time-based step now ({ step: "ship" | "deliver" | "completeReturn" }); 409 when the order is elsewhere.
import { route } from "@/lib/http";
import { requireTestHooks, takeStepNow, takeStepSchema } from "@/lib/test-hooks";
import { parseBody } from "@/lib/validation";

export const POST = route<{ id: string }>(async (req, { params }) => {
  requireTestHooks();
  const { step } = await parseBody(takeStepSchema, req);
  const outcome = await takeStepNow(params.id, step);
  return Response.json(outcome, { status: outcome.result === "moved" ? 200 : 409 });
});
