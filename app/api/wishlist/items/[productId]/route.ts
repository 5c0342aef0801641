// DELETE /api/wishlist/items/{productId} — unheart a product (204, also when it was not wishlisted)
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseId } from "@/lib/validation";
import { removeFromWishlist } from "@/lib/wishlist/service";

export const DELETE = route<{ productId: string }>(async (req, { params }) => {
  const user = await requireUser(req);
  await removeFromWishlist(user.id, parseId(params.productId, "product"));
  return new Response(null, { status: 204 });
});
