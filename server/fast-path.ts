// Fast paths: Node requests handed straight to the route handler functions Next also mounts (one
// implementation of the logic). Handlers read requests through lib/http.ts's RequestLike, so no Fetch
// Request (headers copy, body stream) is built per request; their Response is written out here.
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { route, type RequestLike } from "@/lib/http";
import { handleViewerSummary } from "@/lib/accounts/handlers";
import { handlePlaceOrder } from "@/lib/orders/handlers";
import { handleConfirmPayment } from "@/lib/payments/handlers";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const base = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;

/** The handler's view of a Node request: headers read in place, the (small) body buffered once. */
class NodeRequest implements RequestLike {
  readonly url: string;
  constructor(private readonly req: IncomingMessage, private readonly body: string) {
    this.url = base + (req.url ?? "/");
  }
  get method() {
    return this.req.method ?? "GET";
  }
  readonly headers = {
    get: (name: string): string | null => {
      const v = this.req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
  };
  async text() {
    return this.body;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

async function toRequest(req: IncomingMessage): Promise<NodeRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) break; // an order body is tiny; anything larger is cut and fails validation
    chunks.push(chunk as Buffer);
  }
  return new NodeRequest(req, chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8"));
}

async function send(res: ServerResponse, response: Response) {
  const body = Buffer.from(await response.text(), "utf8");
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** A route handler (the one Next mounts too), wrapped by route() like Next's, served from Node. */
function nodeHandler(handler: (req: NodeRequest) => Promise<Response>): NodeHandler {
  const wrapped = route<Record<string, never>, NodeRequest>(handler);
  return async (req, res) => {
    try {
      await send(res, await wrapped(await toRequest(req), { params: Promise.resolve({}) }));
    } catch {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end('{"error":{"code":"INTERNAL","message":"Something went wrong"}}');
    }
  };
}

/** POST path → handler. These, the GETs below and cached pages (server/page-cache.ts) skip Next. */
const posts = new Map<string, NodeHandler>([
  ["/api/orders", nodeHandler(handlePlaceOrder)],
  ["/api/payments/confirm", nodeHandler(handleConfirmPayment)],
]);

/** GET path → handler: the one per-viewer request of every cached page view. */
const gets = new Map<string, NodeHandler>([["/api/me/summary", nodeHandler(handleViewerSummary)]]);

/** The handler for this request if it has a fast path, else undefined (Next serves it). */
export function fastPaths(req: IncomingMessage): NodeHandler | undefined {
  const table = req.method === "POST" ? posts : req.method === "GET" ? gets : undefined;
  if (!table || !req.url) return undefined;
  const q = req.url.indexOf("?");
  return table.get(q === -1 ? req.url : req.url.slice(0, q));
}
