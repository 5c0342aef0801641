// GET /api/wishlist — the signed-in user's wishlist, newest first (401 for guests)
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { listWishlist } from "@/lib/wishlist/queries";

export const GET = route(async (req) => {
  const user = await requireUser(req);
  return Response.json({ items: await listWishlist(user.id) });
});
