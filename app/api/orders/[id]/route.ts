// GET /api/orders/[id] — one of the caller's orders (anyone else's is 404)
import { route } from "@/lib/http";
import { handleGetOrder } from "@/lib/orders/handlers";

export const GET = route<{ id: string }>(async (req, { params }) => handleGetOrder(req, params.id));
