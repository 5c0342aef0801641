// POST /api/test-hooks/waiting-room/[id]/crowd — test hooks only (404 otherwise): { where: "ahead" | "behind",
// n } placeholder places in the drop's waiting room, so a journey sees a position move.
import { route } from "@/lib/http";
import { addRoomCrowd, crowdSchema, requireTestHooks } from "@/lib/test-hooks";
import { parseBody, parseId } from "@/lib/validation";

export const POST = route<{ id: string }>(async (req, { params }) => {
  requireTestHooks();
  const { where, n } = await parseBody(crowdSchema, req);
  return Response.json({ queued: await addRoomCrowd(parseId(params.id, "product"), where, n) });
});
