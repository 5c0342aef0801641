// GET|POST /api/auth/* — Auth.js (csrf, session, credentials sign-in, sign-out). A credentials sign-in
// for a locked-out account or IP is answered 429 with Retry-After before Auth.js sees it. Kakao / Naver
// sign-in starts and returns here too (GET /api/auth/callback/<provider>).
import { declaresTooLarge, MAX_JSON_BYTES, tooLarge } from "@/lib/body";
import { checkSignInLock } from "@/lib/auth/sign-in-lock";
import { atAppOrigin } from "@/lib/auth/app-origin";
import { handlers } from "@/lib/auth/config";
import { route } from "@/lib/http";

export const GET = route((req) => handlers.GET(atAppOrigin(req)));

export const POST = route(async (req) => {
  // Auth.js reads the (form) body itself: a declared length over the JSON cap is refused before it does.
  if (declaresTooLarge(req.headers, MAX_JSON_BYTES)) throw tooLarge();
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) await checkSignInLock(req);
  return handlers.POST(atAppOrigin(req));
});
