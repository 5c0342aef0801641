// Next's proxy (formerly middleware), in every mode: the production server, `next start`, `next dev`,
// Vercel. One job: server actions (POSTs to pages, with or without JavaScript) pass the same Origin policy
// as the routes (lib/client-address.ts's isSameOrigin) and are refused with the same 403 body. Next's own
// check answers a foreign Origin with a 500 and lets a request without Origin through.
// /api/* is not matched: route() checks each route itself, and some (webhooks) are meant for servers.
import { NextResponse, type NextRequest } from "next/server";
import { changesState, crossOriginRefusal, isSameOrigin } from "@/lib/client-address";

export function proxy(request: NextRequest) {
  if (!changesState(request.method) || isSameOrigin(request.headers)) return NextResponse.next();
  const refusal = crossOriginRefusal();
  return NextResponse.json(refusal.toJSON(), { status: refusal.status });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
