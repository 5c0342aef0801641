// PUT /api/orders/{id}/delivery — set the delivery details of the caller's unpaid order (a saved address or given ones)
import { route } from "@/lib/http";
import { handleSetOrderDelivery } from "@/lib/orders/handlers";

export const PUT = route<{ id: string }>(async (req, { params }) => handleSetOrderDelivery(req, params.id));
