// POST /api/me/phone/code — send an SMS code to { phone } (a Korean mobile number)
import { requestLocale } from "@/lib/accounts/http";
import { requestPhoneCode } from "@/lib/accounts/phone";
import { requireUser } from "@/lib/auth/guards";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  const user = await requireUser(req);
  return Response.json(await requestPhoneCode(user.id, await readJson(req), requestLocale(req)));
});
