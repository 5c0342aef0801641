// POST /api/orders/[id]/return — request the return of a delivered order within the return window (409 otherwise)
import { route } from "@/lib/http";
import { handleReturnOrder } from "@/lib/orders/handlers";

export const POST = route<{ id: string }>(async (req, { params }) => handleReturnOrder(req, params.id));
