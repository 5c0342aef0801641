// POST /api/me/phone/verify — { code }: the number the code was sent to becomes the account's verified number
import { confirmPhoneCode } from "@/lib/accounts/phone";
import { requireUser } from "@/lib/auth/guards";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  const user = await requireUser(req);
  return Response.json(await confirmPhoneCode(user.id, await readJson(req)));
});
