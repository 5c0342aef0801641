// POST /api/users/password-reset — mail a reset link; the same 202 whether or not the address has an account
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { readJson } from "@/lib/body";
import { clientIp } from "@/lib/client-address";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  return Response.json(await requestPasswordReset(await readJson(req), { ip: clientIp(req.headers) }), { status: 202 });
});
