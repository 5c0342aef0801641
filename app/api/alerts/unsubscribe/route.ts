// POST /api/alerts/unsubscribe — the alert mail's unsubscribe link, signed in or not ({ token }; 404 for a token that does not hold)
import { unsubscribeSchema } from "@/lib/alerts/schemas";
import { unsubscribeByToken } from "@/lib/alerts/service";
import { route } from "@/lib/http";
import { parseBody } from "@/lib/validation";

export const POST = route(async (req) => {
  const { token } = await parseBody(unsubscribeSchema, req);
  return Response.json(await unsubscribeByToken(token));
});
