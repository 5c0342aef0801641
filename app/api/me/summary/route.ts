// GET /api/me/summary — the viewer's header and hearts for cached pages (signed in?, name, role, cart
// lines, wishlisted ids); merges a guest cart after sign-in and then drops its cookie.
import { getViewerSummary } from "@/lib/accounts/summary";
import { withCartCookie } from "@/lib/cart/viewer";
import { route } from "@/lib/http";

export const GET = route(async (req) => {
  const { summary, cart } = await getViewerSummary(req);
  return withCartCookie(Response.json(summary, { headers: { "cache-control": "private, no-store" } }), cart);
});
