// POST /api/orders/[id]/cancel — cancel one of the caller's orders until it ships (409 with the current status after)
import { route } from "@/lib/http";
import { handleCancelOrder } from "@/lib/orders/handlers";

export const POST = route<{ id: string }>(async (req, { params }) => handleCancelOrder(req, params.id));
