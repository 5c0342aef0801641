// POST /api/users/social — finish a Kakao / Naver sign-up (ticket from the sign-in, consents, profile); 201 with the session cookie
import { completeSocialSignUp } from "@/lib/accounts/social-signup";
import { encodeSessionToken, sessionCookieHeader } from "@/lib/auth/cookie";
import { readJson } from "@/lib/body";
import { route } from "@/lib/http";

export const POST = route(async (req) => {
  const { userId, sessionId } = await completeSocialSignUp(await readJson(req), { userAgent: req.headers.get("user-agent") });
  const cookie = sessionCookieHeader(await encodeSessionToken({ sub: userId, sid: sessionId }));
  return Response.json({ status: "signed_up" }, { status: 201, headers: { "set-cookie": cookie } });
});
