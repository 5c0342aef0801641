// POST /api/users — sign up (buyer or seller); the same 202 whether or not the address is new
import { clientIp } from "@/lib/client-address";
import { signUp } from "@/lib/accounts/signup";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  const result = await signUp(await readJson(req), { ip: clientIp(req.headers) });
  return Response.json(result, { status: 202 });
});
