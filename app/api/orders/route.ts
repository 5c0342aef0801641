// POST /api/orders — place an order from the cart, the wishlist or buy-now (Idempotency-Key required); 201, 409 refusal, 401/403/422
// GET /api/orders — the caller's orders, newest first (?page, ?pageSize ≤ 50)
import { route } from "@/lib/http";
import { handleListOrders, handlePlaceOrder } from "@/lib/orders/handlers";

export const POST = route(handlePlaceOrder);
export const GET = route(handleListOrders);
