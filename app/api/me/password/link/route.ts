// POST /api/me/password/link — mail the signed-in member a link to set (or reset) the password; how an
// account made through Kakao or Naver gets one
import { sendSetPasswordLink } from "@/lib/accounts/password-reset";
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  const user = await requireUser(req);
  return Response.json(await sendSetPasswordLink(user.id), { status: 202 });
});
