// Next's request proxy: the security headers of everything Next serves — pages, route handlers, server
// actions, errors, 404s, static files (no matcher: it runs on every request). A page gets a fresh nonce:
// Next reads it from the Content-Security-Policy request header and puts it on its own scripts. The
// production server's page micro-cache swaps that policy for one of script hashes when it keeps a page
// (server/page-fill.ts); its fast paths set the same headers themselves (server/fast-path.ts).
import { NextResponse, type NextRequest } from "next/server";
import { HSTS, NON_PAGE_POLICY, cameOverHttps, commonHeaders, newNonce, pagePolicy, shopPolicyOptions } from "@/lib/security-headers";

const options = shopPolicyOptions();
const common = Object.entries(commonHeaders(options));

/** Paths that never answer with an HTML page of ours: JSON routes and the build's static files. */
const isNonPage = (path: string) => path.startsWith("/api/") || path.startsWith("/_next/static/");

export function proxy(request: NextRequest) {
  const page = !isNonPage(request.nextUrl.pathname);
  const policy = page ? pagePolicy({ nonce: newNonce() }, options) : NON_PAGE_POLICY;
  let response: NextResponse;
  if (page) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers } });
  } else {
    response = NextResponse.next();
  }
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of common) response.headers.set(name, value);
  if (cameOverHttps(request.headers.get("x-forwarded-proto"))) response.headers.set("strict-transport-security", HSTS);
  return response;
}
