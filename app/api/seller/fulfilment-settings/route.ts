// GET, PUT /api/seller/fulfilment-settings — the shop's fallback timers (null = default, 0 = off)
import { getTimerSettings, updateTimerSettings } from "@/lib/fulfilment/settings";
import { timerSettingsSchema } from "@/lib/fulfilment/schemas";
import { route } from "@/lib/http";
import { sellerScope } from "@/lib/seller/http";
import { parseBody } from "@/lib/validation";

export const GET = route(async (req) => Response.json(await getTimerSettings(await sellerScope(req))));

export const PUT = route(async (req) => {
  const scope = await sellerScope(req);
  const input = await parseBody(timerSettingsSchema, req);
  return Response.json(await updateTimerSettings(scope, input));
});
