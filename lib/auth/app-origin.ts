import "server-only";
// Auth.js builds its redirects and the OAuth redirect_uri from the request's URL. Behind the production
// server that URL names the address it is bound to (http://0.0.0.0:3000), not the shop's public origin, so
// a Kakao / Naver callback would send the browser to 0.0.0.0 (and the redirect_uri would not match the one
// registered with the provider). Auth.js's requests are therefore re-addressed to APP_URL, as AUTH_URL
// does for Auth.js elsewhere; headers (cookies) and body are kept.
import { NextRequest } from "next/server";
import { env } from "@/lib/env";

const appOrigin = new URL(env.APP_URL).origin;

export function atAppOrigin(req: Request): NextRequest {
  const url = new URL(req.url);
  if (url.origin === appOrigin) return req as NextRequest; // Auth.js takes a plain Request as well
  const target = new URL(url.pathname + url.search, appOrigin);
  return new NextRequest(target, { method: req.method, headers: req.headers, body: req.body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}
