// POST /api/users/verify/resend — send a new verification mail to the signed-in user (rate-limited)
import { requestLocale } from "@/lib/accounts/http";
import { resendVerification } from "@/lib/accounts/signup";
import { requireUser } from "@/lib/auth/guards";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  const user = await requireUser(req);
  return Response.json(await resendVerification(user.id, requestLocale(req)), { status: 202 });
});
