import "server-only";
// Plain Request → Response handlers of the accounts API that the production server's fast path
// (server/fast-path.ts) mounts beside Next's route, so each has one implementation however it is served.
import { withCartCookie } from "@/lib/cart/viewer";
import type { RequestLike } from "@/lib/http";
import { getViewerSummary } from "./summary";

/**
 * GET /api/me/summary — the viewer of a cached page: one request per page view, so it skips Next's
 * per-request pipeline on the production server. Never cached by anyone (private, no-store).
 */
export async function handleViewerSummary(req: RequestLike): Promise<Response> {
  const { summary, cart } = await getViewerSummary(req);
  return withCartCookie(Response.json(summary, { headers: { "cache-control": "private, no-store" } }), cart);
}
