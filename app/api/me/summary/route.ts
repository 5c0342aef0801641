// GET /api/me/summary — the viewer's header and hearts for cached pages (signed in?, name, role, cart
// lines, wishlisted ids); merges a guest cart after sign-in and then drops its cookie. Also on the
// production server's fast path (lib/accounts/handlers.ts).
import { handleViewerSummary } from "@/lib/accounts/handlers";
import { route } from "@/lib/http";

export const GET = route(handleViewerSummary);
