// POST /api/wishlist/items — heart a product (201 when added, 200 when it already was)
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseBody } from "@/lib/validation";
import { wishlistItemSchema } from "@/lib/wishlist/schemas";
import { addToWishlist } from "@/lib/wishlist/service";

export const POST = route(async (req) => {
  const user = await requireUser(req);
  const { productId } = await parseBody(wishlistItemSchema, req);
  const { created } = await addToWishlist(user.id, productId);
  return Response.json({ productId, wishlisted: true }, { status: created ? 201 : 200 });
});
