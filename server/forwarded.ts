// The production server is the one place that sees the socket: before anything reads a request (the fast
// paths, the page cache, Next), the forwarded headers are replaced with what lib/client-address.ts
// resolves from them and the socket's peer. A client's own X-Forwarded-For / -Host / -Proto entries
// therefore never reach a route, page or server action; the one address and host left in their place
// read the same through clientIp() and requestHost() whatever TRUST_PROXY_HOPS is.
import type { IncomingMessage } from "node:http";
import { addressFromChain, hostFromChain, protoFromChain, trustedHops } from "@/lib/client-address";

const joined = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v);

/** Rewrites the request's forwarded headers in place; `hops` is the deployment's (TRUST_PROXY_HOPS). */
export function resolveForwarded(req: IncomingMessage, hops = trustedHops): void {
  const h = req.headers;
  const address = addressFromChain(joined(h["x-forwarded-for"]), req.socket.remoteAddress, hops);
  const host = hostFromChain(joined(h["x-forwarded-host"]), h.host, hops);
  const proto = protoFromChain(joined(h["x-forwarded-proto"]), hops);
  // Headers a client could send to claim an address: only Vercel's own are read (never here), but none
  // of them should reach code that might one day read them.
  delete h["x-real-ip"];
  delete h["x-vercel-forwarded-for"];
  if (address) h["x-forwarded-for"] = address;
  else delete h["x-forwarded-for"];
  if (host) h["x-forwarded-host"] = host;
  else delete h["x-forwarded-host"];
  if (proto) h["x-forwarded-proto"] = proto;
  else delete h["x-forwarded-proto"];
}
