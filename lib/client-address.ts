// Who is calling, as far as the shop can know it: the client's address (every per-address limit, the
// fleet flags' address range) and the host the client asked for (the Origin check of routes and server
// actions). Forwarded headers are written by whoever sends them, so they are believed only as far as the
// deployment says proxies it runs stand in front (TRUST_PROXY_HOPS); docs/security.md has the threat model.
//
// The chain of a request is X-Forwarded-For's entries followed by the socket's peer: each proxy appends
// the peer it saw. With N trusted proxies the client is the entry N places from the right; everything to
// its left was written by the client. The production server (server/forwarded.ts) resolves the chain
// with the socket and replaces the headers with the single answer, so code that sees only headers (Next's
// routes, pages and actions) reads the same answer through clientIp() and requestHost().
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

type Headers = { get(name: string): string | null };

/** Proxies the deployment runs in front of the shop (TRUST_PROXY=1, the older switch, counts as one). */
export const trustedHops: number = env.TRUST_PROXY_HOPS ?? (env.TRUST_PROXY ? 1 : 0);

const entries = (header: string | null | undefined): string[] =>
  header ? header.split(",").map((s) => s.trim()).filter(Boolean) : [];

/** IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d: one client, one key, whichever stack. */
const plainAddress = (ip: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip);

/** The entry `skip` places from the right (the nearest peer is last), kept within the chain. */
const fromRight = (chain: string[], skip: number): string | undefined =>
  chain[Math.min(chain.length - 1, Math.max(0, chain.length - 1 - skip))];

/**
 * The client's address from X-Forwarded-For and, when known, the socket's peer. With hops = 0 and a peer,
 * the header is not read at all. Without the peer (code that sees only headers), the nearest proxy's own
 * address is missing from the chain: one entry less to skip, and with no hop the right-most is all there is.
 */
export function addressFromChain(forwardedFor: string | null | undefined, peer: string | null | undefined, hops: number): string | undefined {
  const ip = peer ? fromRight([...entries(forwardedFor), peer], hops) : fromRight(entries(forwardedFor), hops - 1);
  return ip && plainAddress(ip);
}

/** The host the client asked for: Host with no trusted proxy, else the X-Forwarded-Host the outermost trusted one saw. */
export function hostFromChain(forwardedHost: string | null | undefined, host: string | null | undefined, hops: number): string | undefined {
  if (hops === 0) return host ?? undefined;
  return fromRight(host ? [...entries(forwardedHost), host] : entries(forwardedHost), hops);
}

/** The protocol the client used, as the outermost trusted proxy saw it (X-Forwarded-Proto); none without one. */
export function protoFromChain(forwardedProto: string | null | undefined, hops: number): string | undefined {
  if (hops === 0) return undefined;
  return fromRight(entries(forwardedProto), hops - 1)?.toLowerCase();
}

/**
 * The client's address, for per-address limits and the orders' address range, from a request's headers.
 * On Vercel, Vercel's own header (it overwrites X-Forwarded-For and X-Real-IP too; x-vercel-forwarded-for
 * survives a proxy in front of Vercel). Elsewhere the chain with TRUST_PROXY_HOPS: behind the production
 * server it holds the one address the server resolved from the socket (server/forwarded.ts).
 */
export function clientIp(headers: Headers): string {
  if (env.VERCEL) {
    const ip = entries(headers.get("x-vercel-forwarded-for"))[0] ?? headers.get("x-real-ip") ?? entries(headers.get("x-forwarded-for"))[0];
    return ip ? plainAddress(ip) : "unknown";
  }
  return addressFromChain(headers.get("x-forwarded-for"), undefined, trustedHops) ?? "unknown";
}

/** The host the client asked for (see hostFromChain); null when the request names none. */
export const requestHost = (headers: Headers): string | null =>
  hostFromChain(headers.get("x-forwarded-host"), headers.get("host"), trustedHops) ?? null;

const appOrigin = new URL(env.APP_URL).origin;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Methods the Origin policy applies to: everything but GET, HEAD and OPTIONS. */
export const changesState = (method: string) => !SAFE_METHODS.has(method);

/**
 * The Origin policy of every state-changing request, routes (lib/http.ts) and server actions (proxy.ts)
 * alike: it must come from this shop's own pages (APP_URL) or the very host it was sent to. No Origin,
 * `Origin: null` and a foreign one are all refused; a Referer is never a substitute.
 */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  if (origin === appOrigin) return true; // the shop's own pages: no URL to parse on the buy path
  try {
    const o = new URL(origin);
    if (o.origin === appOrigin) return true;
    const host = requestHost(headers);
    return host !== null && o.host === host;
  } catch {
    return false;
  }
}

/** The one refusal of a request the Origin policy turns away: 403 FORBIDDEN, for routes and actions alike. */
export const crossOriginRefusal = () => new AppError("FORBIDDEN", "Cross-origin or origin-less request refused");
