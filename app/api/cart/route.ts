// GET /api/cart — the caller's cart (signed-in or guest) with live availability and server totals
import { cartContextFromRequest, withCartCookie } from "@/lib/cart/viewer";
import { getCartView } from "@/lib/cart/queries";
import { route } from "@/lib/http";

export const GET = route(async (req) => {
  const ctx = await cartContextFromRequest(req);
  return withCartCookie(Response.json(await getCartView(ctx.owner)), ctx);
});
