// GET /api/alerts — the caller's alerts, newest first (?productId= for one product's: the product page's island)
// POST /api/alerts — ask for an opening or restock alert (201 asked, 200 asked already; 409 ALERT_NOT_UPCOMING / ALERT_NOT_SOLD_OUT)
import { listAlertsQuerySchema, subscribeSchema } from "@/lib/alerts/schemas";
import { listMyAlerts } from "@/lib/alerts/queries";
import { subscribe } from "@/lib/alerts/service";
import { requireUser, requireVerifiedUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";
import { parseBody, parseQuery } from "@/lib/validation";

export const GET = route(async (req) => {
  const user = await requireUser(req);
  const { productId } = parseQuery(listAlertsQuerySchema, new URL(req.url).searchParams);
  return Response.json({ alerts: await listMyAlerts(user.id, productId) }, { headers: { "Cache-Control": "private, no-store" } });
});

export const POST = route(async (req) => {
  const user = await requireVerifiedUser(req);
  const input = await parseBody(subscribeSchema, req);
  const { alert, created } = await subscribe(user.id, input);
  return Response.json({ alert }, { status: created ? 201 : 200 });
});
