import "server-only";
// Plain request → answer handlers of the accounts API that the production server's fast path
// (server/fast-path.ts) mounts beside Next's route, so each has one implementation however it is served.
import { jsonAnswer, type Answer, type RequestLike } from "@/lib/http";
import { getViewerSummary } from "./summary";

/**
 * GET /api/me/summary — the viewer of a cached page: one request per page view, so it skips Next's
 * per-request pipeline on the production server. Never cached by anyone (private, no-store).
 */
export async function handleViewerSummary(req: RequestLike): Promise<Answer> {
  const { summary, cart } = await getViewerSummary(req);
  return jsonAnswer(summary, 200, { "cache-control": "private, no-store", ...(cart.setCookie && { "set-cookie": cart.setCookie }) });
}
