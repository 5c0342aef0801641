import "server-only";
// The per-viewer summary behind GET /api/me/summary: one request answers every island of a cached page.
// It is also where a guest cart is merged right after sign-in (cartContextFromRequest), whatever page the
// sign-in lands on — the job the server-rendered cart badge did before pages were cached.
import { getCartLineCount } from "@/lib/cart/queries";
import { cartContextFromRequest, type CartContext } from "@/lib/cart/viewer";
import type { RequestLike } from "@/lib/http";
import { wishlistedIds } from "@/lib/wishlist/queries";
import { getDisplayName } from "./queries";
import { WISHLIST_IDS_MAX, type ViewerSummary } from "./viewer";

/**
 * Takes a RequestLike, so the production server's fast path can serve it too. A visitor without cookies
 * costs no query at all.
 */
export async function getViewerSummary(req: Pick<RequestLike, "headers">): Promise<{ summary: ViewerSummary; cart: CartContext }> {
  const cart = await cartContextFromRequest(req);
  const { user, owner } = cart;
  const [name, cartCount, wishlist] = await Promise.all([
    user ? getDisplayName(user.id) : null,
    getCartLineCount(owner),
    user ? wishlistedIds(user.id, WISHLIST_IDS_MAX) : [],
  ]);
  return { summary: { user: user && { name, role: user.role }, cartCount, wishlist }, cart };
}
