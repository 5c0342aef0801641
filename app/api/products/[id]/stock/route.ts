// GET /api/products/[id]/stock — live units and sale state (lib/stock/handlers.ts; the production server
// serves the same answer on its fast path, server/fast-path.ts)
import { route } from "@/lib/http";
import { handleLiveStock } from "@/lib/stock/handlers";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>((_req, { params }) => handleLiveStock(params.id));
