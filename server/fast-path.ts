// Fast paths: Node requests handed straight to the route handler functions Next also mounts (one
// implementation of the logic). Handlers read requests through lib/http.ts's RequestLike, so no Fetch
// Request (headers copy, body stream) is built per request, and answer with lib/http.ts's Answer (status,
// headers, body text), written to the socket here with no Fetch Response at all. Every answer carries the
// security headers proxy.ts gives the same routes under Next (lib/security-headers.ts).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { handleViewerSummary } from "@/lib/accounts/handlers";
import { MAX_JSON_BYTES, parseJsonText, tooLarge } from "@/lib/body";
import { AppError } from "@/lib/errors";
import { errorAnswer, handle, type Answer, type RequestLike } from "@/lib/http";
import { handlePlaceOrder } from "@/lib/orders/handlers";
import { handleConfirmPayment } from "@/lib/payments/handlers";
import { cachedLiveStockAnswer, liveStockAnswer } from "@/lib/stock/handlers";
import { handleRoomStatus, roomPollId } from "@/lib/waiting-room/handlers";
import { lingerThenClose } from "./oversized";
import { HSTS, NON_PAGE_POLICY, cameOverHttps, commonHeaders, shopPolicyOptions } from "@/lib/security-headers";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

const base = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;

/** A Node request's headers as RequestLike reads them (no closure per request: the buy path takes thousands a second). */
class NodeHeaders {
  constructor(private readonly headers: IncomingMessage["headers"]) {}
  // The server resolved X-Forwarded-For from the socket before this (server/forwarded.ts).
  get(name: string): string | null {
    const v = this.headers[name.toLowerCase()];
    if (v === undefined) return null;
    return Array.isArray(v) ? v.join(", ") : v;
  }
}

/** The handler's view of a Node request: headers read in place, the (small) body buffered once. */
class NodeRequest implements RequestLike {
  readonly url: string;
  readonly headers: NodeHeaders;
  constructor(private readonly req: IncomingMessage, private readonly bodyText: string) {
    this.url = base + (req.url ?? "/");
    this.headers = new NodeHeaders(req.headers);
  }
  get method() {
    return this.req.method ?? "GET";
  }
  async text() {
    return this.bodyText;
  }
  async json(): Promise<unknown> {
    return parseJsonText(this.bodyText);
  }
}

const TOO_LARGE = Symbol("too large");

/**
 * The body, read up to lib/body.ts's cap: one chunk (the usual case) is decoded as it is, with no stream
 * iterator. Past the cap (declared or sent) it stops buffering at once and answers TOO_LARGE.
 */
function readBody(req: IncomingMessage): Promise<string | typeof TOO_LARGE> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_JSON_BYTES) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    const onData = (chunk: Buffer) => {
      if ((size += chunk.length) > MAX_JSON_BYTES) {
        req.off("data", onData).off("end", onEnd);
        first = more = undefined;
        return resolve(TOO_LARGE);
      }
      if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    };
    const onEnd = () => resolve(more ? Buffer.concat(more).toString("utf8") : (first?.toString("utf8") ?? ""));
    req.on("data", onData).once("end", onEnd).once("error", reject);
  });
}

/** 413 with `connection: close` (errorAnswer), then the socket is closed even if the client keeps sending. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, requestId: string) {
  lingerThenClose(req);
  write(res, errorAnswer(tooLarge(), requestId));
}

const SECURITY: Readonly<Record<string, string>> = { ...commonHeaders(shopPolicyOptions()), "content-security-policy": NON_PAGE_POLICY };
const SECURITY_HTTPS: Readonly<Record<string, string>> = { ...SECURITY, "strict-transport-security": HSTS };

/** The security headers of an answer to this request (HSTS only when it came over https). */
const securityFor = (res: ServerResponse) => (cameOverHttps(res.req.headers["x-forwarded-proto"]) ? SECURITY_HTTPS : SECURITY);

/** An answer to the socket: the status line, its headers and the body in one write. */
function write(res: ServerResponse, a: Answer, requestId?: string) {
  const headers: Record<string, string | number> = { ...securityFor(res), ...a.headers, "content-length": Buffer.byteLength(a.body) };
  if (requestId !== undefined) headers["x-request-id"] = requestId;
  res.writeHead(a.status, headers);
  res.end(a.body);
}

async function send(res: ServerResponse, response: Response) {
  const body = Buffer.from(await response.text(), "utf8");
  const headers: Record<string, string> = { ...securityFor(res) };
  response.headers.forEach((v, k) => (headers[k] = v));
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Whether a path's percent-escapes decode to UTF-8: Next answers one that does not (`%ED%A0%80`) with a 500. */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const malformedPath: NodeHandler = (req, res) => write(res, errorAnswer(new AppError("BAD_REQUEST", "Malformed URL path"), requestIdOf(req)));

const internal = '{"error":{"code":"INTERNAL","message":"Something went wrong"}}';

/** A route handler (the one Next mounts too), run as route() runs it for Next, served from Node. */
function nodeHandler(handler: (req: NodeRequest) => Promise<Answer | Response>): NodeHandler {
  return async (req, res) => {
    try {
      const requestId = requestIdOf(req);
      const body = await readBody(req);
      if (body === TOO_LARGE) return refuseTooLarge(req, res, requestId);
      const answer = await handle(handler, new NodeRequest(req, body), {}, requestId);
      if (answer instanceof Response) await send(res, answer);
      else write(res, answer);
    } catch {
      if (!res.headersSent) res.writeHead(500, { ...securityFor(res), "content-type": "application/json" });
      res.end(internal);
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

/**
 * GET /api/products/<id>/stock — the polls of a drop's waiting crowd. A cached product is answered
 * synchronously; a miss waits for the one shared read. No per-request log line (thousands a second):
 * hurryup_stock_live_reads_total counts the reads behind them.
 */
function liveStock(id: string): NodeHandler {
  return (req, res) => {
    const requestId = requestIdOf(req);
    const hit = cachedLiveStockAnswer(id);
    if (hit !== undefined) return write(res, hit, requestId);
    return liveStockMiss(id, res, requestId);
  };
}

async function liveStockMiss(id: string, res: ServerResponse, requestId: string) {
  try {
    write(res, await liveStockAnswer(id), requestId);
  } catch (err) {
    write(res, errorAnswer(err, requestId));
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
  if (path.includes("%") && !decodable(path)) return malformedPath; // no decode per poll: most paths have no escape
  if (req.method === "POST") return posts.get(path);
  if (req.method === "GET") {
    const id = stockPollId(path);
    if (id !== null) return liveStock(id);
    const room = roomPollId(path); // a waiting room's long poll (lib/waiting-room): every waiting buyer, all the time
    return room === null ? gets.get(path) : nodeHandler((r) => handleRoomStatus(r, room));
  }
  return undefined;
}
