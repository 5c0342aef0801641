// Fast paths: Node requests handed straight to the route handler functions Next also mounts (one
// implementation of the logic). Handlers read requests through lib/http.ts's RequestLike, so no Fetch
// Request (headers copy, body stream) is built per request; their Response is written out here.
// The live stock poll (GET /api/products/<id>/stock) goes further: its answer is a status, frozen headers
// and a string (lib/stock/handlers.ts), written to the socket with no Response at all.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { handleViewerSummary } from "@/lib/accounts/handlers";
import { errorResponse, route, type RequestLike } from "@/lib/http";
import { handlePlaceOrder } from "@/lib/orders/handlers";
import { handleConfirmPayment } from "@/lib/payments/handlers";
import { cachedLiveStockAnswer, liveStockAnswer, type StockAnswer } from "@/lib/stock/handlers";
import { handleRoomStatus, roomPollId } from "@/lib/waiting-room/handlers";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

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

/** The request id route() would give (the caller's, else a new one), so both mounts answer alike. */
const requestIdOf = (req: IncomingMessage) => {
  const given = req.headers["x-request-id"];
  return (typeof given === "string" && given.slice(0, 64)) || randomUUID();
};

function writeStock(res: ServerResponse, a: StockAnswer, requestId: string) {
  res.writeHead(a.status, { ...a.headers, "content-length": Buffer.byteLength(a.body), "x-request-id": requestId });
  res.end(a.body);
}

/**
 * GET /api/products/<id>/stock — the polls of a drop's waiting crowd. A cached product is answered
 * synchronously; a miss waits for the one shared read. No per-request log line (thousands a second):
 * hurryup_stock_live_reads_total counts the reads behind them.
 */
function liveStock(id: string): NodeHandler {
  return (req, res) => {
    const requestId = requestIdOf(req);
    const hit = cachedLiveStockAnswer(id);
    if (hit !== undefined) return writeStock(res, hit, requestId);
    return liveStockMiss(id, res, requestId);
  };
}

async function liveStockMiss(id: string, res: ServerResponse, requestId: string) {
  try {
    writeStock(res, await liveStockAnswer(id), requestId);
  } catch (err) {
    await send(res, errorResponse(err, requestId)).catch(() => res.destroy());
  }
}

const STOCK_PREFIX = "/api/products/";
const STOCK_SUFFIX = "/stock";

/** The product id of a live stock poll's path, else null. */
export function stockPollId(path: string): string | null {
  if (!path.startsWith(STOCK_PREFIX) || !path.endsWith(STOCK_SUFFIX)) return null;
  const id = path.slice(STOCK_PREFIX.length, -STOCK_SUFFIX.length);
  return id.length > 0 && !id.includes("/") ? id : null;
}

/** The handler for this request if it has a fast path, else undefined (Next serves it). */
export function fastPaths(req: IncomingMessage): NodeHandler | undefined {
  if (!req.url) return undefined;
  const q = req.url.indexOf("?");
  const path = q === -1 ? req.url : req.url.slice(0, q);
  if (req.method === "POST") return posts.get(path);
  if (req.method === "GET") {
    const id = stockPollId(path);
    if (id !== null) return liveStock(id);
    const room = roomPollId(path); // a waiting room's long poll (lib/waiting-room): every waiting buyer, all the time
    return room === null ? gets.get(path) : nodeHandler((r) => handleRoomStatus(r, room));
  }
  return undefined;
}
