// Fast paths: Node requests handed straight to the route handler functions Next also mounts (one
// implementation of the logic), converted to and from Fetch Request/Response here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { route } from "@/lib/http";
import { handlePlaceOrder } from "@/lib/orders/handlers";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const placeOrder = route(handlePlaceOrder);
const base = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) break; // an order body is tiny; anything larger is cut and fails validation
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body: Buffer.concat(chunks) });
}

async function send(res: ServerResponse, response: Response) {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

const orders: NodeHandler = async (req, res) => {
  try {
    await send(res, await placeOrder(await toRequest(req), { params: Promise.resolve({}) }));
  } catch {
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end('{"error":{"code":"INTERNAL","message":"Something went wrong"}}');
  }
};

/** The handler for this request if it has a fast path, else undefined (Next serves it). */
export function fastPaths(req: IncomingMessage): NodeHandler | undefined {
  if (req.method === "POST" && (req.url === "/api/orders" || req.url?.startsWith("/api/orders?"))) return orders;
  return undefined;
}
