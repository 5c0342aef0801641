// Next's request proxy (formerly middleware), in every mode: the production server, `next start`,
// `next dev`, Vercel. No matcher: it runs on every request Next serves. Two jobs:
// - Server actions (POSTs to pages, with or without JavaScript) pass the same Origin policy as the routes
//   (lib/client-address.ts's isSameOrigin) and are refused with the same 403 body. Next's own check answers
//   a foreign Origin with a 500 and lets a request without Origin through. /api/* is left to route(),
//   which checks each route itself (some, like webhooks, are meant for servers). A call whose body cannot
//   be an argument list is then refused with a 400, and one over Next's 1 MB action limit with a 413
//   (lib/action-request.ts): Next would crash on either with a 500. Reading the body here does not consume
//   it: Next buffers a copy for the proxy (up to experimental.proxyClientMaxBodySize, 10 MB by default).
// - The security headers of everything Next serves: pages, route handlers, server actions, errors, 404s,
//   static files. A page gets a fresh nonce: Next reads it from the Content-Security-Policy request header
//   and puts it on its own scripts. The production server's page micro-cache swaps that policy for one of
//   script hashes when it keeps a page (server/page-fill.ts); its fast paths set the same headers
//   themselves (server/fast-path.ts).
import { NextResponse, type NextRequest } from "next/server";
import { actionArgumentsRefusal } from "@/lib/action-request";
import { changesState, crossOriginRefusal, isSameOrigin } from "@/lib/client-address";
import { HSTS, NON_PAGE_POLICY, cameOverHttps, commonHeaders, newNonce, pagePolicy, shopPolicyOptions } from "@/lib/security-headers";

const options = shopPolicyOptions();
const common = Object.entries(commonHeaders(options));

/** Paths that never answer with an HTML page of ours: JSON routes and the build's static files. */
const isNonPage = (path: string) => path.startsWith("/api/") || path.startsWith("/_next/static/");

export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (!path.startsWith("/api/")) {
    const refusal = changesState(request.method) && !isSameOrigin(request.headers) ? crossOriginRefusal() : await actionArgumentsRefusal(request);
    if (refusal) return withSecurityHeaders(request, NextResponse.json(refusal.toJSON(), { status: refusal.status }), NON_PAGE_POLICY);
  }
  if (isNonPage(path)) return withSecurityHeaders(request, NextResponse.next(), NON_PAGE_POLICY);
  const policy = pagePolicy({ nonce: newNonce() }, options);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  return withSecurityHeaders(request, NextResponse.next({ request: { headers } }), policy);
}

function withSecurityHeaders(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of common) response.headers.set(name, value);
  if (cameOverHttps(request.headers.get("x-forwarded-proto"))) response.headers.set("strict-transport-security", HSTS);
  return response;
}
