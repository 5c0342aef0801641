// PATCH /api/cart/items/{id} — change a line's quantity or selection; DELETE — remove the line
import { updateCartItemSchema } from "@/lib/cart/schemas";
import { removeCartItem, updateCartItem } from "@/lib/cart/service";
import { cartContextFromRequest, withCartCookie } from "@/lib/cart/viewer";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";
import { parseBody, parseId } from "@/lib/validation";

export const PATCH = route<{ id: string }>(async (req, { params }) => {
  const id = parseId(params.id, "cart item");
  const input = await parseBody(updateCartItemSchema, req);
  const ctx = await cartContextFromRequest(req);
  if (!ctx.owner) throw notFound("cart item");
  return withCartCookie(Response.json(await updateCartItem(ctx.owner, id, input)), ctx);
});

export const DELETE = route<{ id: string }>(async (req, { params }) => {
  const id = parseId(params.id, "cart item");
  const ctx = await cartContextFromRequest(req);
  if (!ctx.owner) throw notFound("cart item");
  return withCartCookie(Response.json(await removeCartItem(ctx.owner, id)), ctx);
});
