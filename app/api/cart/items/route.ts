// POST /api/cart/items — add units of a product (summed with an existing line, capped and reported). A
// cookie-less guest's first successful add creates its cart and cookie (limited per client address).
import { clientIp } from "@/lib/client-address";
import { addCartItemSchema } from "@/lib/cart/schemas";
import { addCartItem } from "@/lib/cart/service";
import { cartContextFromRequest, withCartCookie } from "@/lib/cart/viewer";
import { route } from "@/lib/http";
import { parseBody } from "@/lib/validation";

export const POST = route(async (req) => {
  const input = await parseBody(addCartItemSchema, req);
  const ctx = await cartContextFromRequest(req, true);
  const added = await addCartItem(ctx.owner!, input, { ip: clientIp(req.headers) });
  return withCartCookie(Response.json(added, { status: 201 }), ctx);
});
