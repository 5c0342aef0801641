// The route-handler wrapper: a request id on every log line and response, the Origin check for
// state-changing methods, and the one mapping of errors to HTTP statuses. Handlers stay thin.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { changesState, crossOriginRefusal, isSameOrigin } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { log, requestContext } from "@/lib/log";

/**
 * What handlers read from a request. A Fetch Request is one; the production server's fast path
 * (server/fast-path.ts) passes a lighter one built straight from Node's IncomingMessage.
 */
export type RequestLike = {
  readonly method: string;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
};

/**
 * An answer as plain data: status, headers and the body's text. The handlers the production server's fast
 * path mounts (server/fast-path.ts) answer with one, which it writes straight to Node's socket — no Fetch
 * Response, headers object or body stream per request; route() turns it into a Response for Next.
 */
export type Answer = { status: number; headers: Readonly<Record<string, string>>; body: string };

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "content-type": "application/json" });

/** A JSON answer (the fast path's Response.json). */
export function jsonAnswer(body: unknown, status = 200, headers?: Record<string, string>): Answer {
  return { status, headers: headers ? { ...JSON_HEADERS, ...headers } : JSON_HEADERS, body: JSON.stringify(body) };
}

export const toResponse = (a: Answer): Response => new Response(a.body, { status: a.status, headers: a.headers });

type Ctx<P> = { params: Promise<P> };
type Handler<P, R extends RequestLike> = (req: R, ctx: { params: P; requestId: string }) => Promise<Response | Answer>;

export function errorAnswer(err: unknown, requestId: string): Answer {
  let appErr: AppError;
  if (err instanceof AppError) appErr = err;
  else if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025") appErr = new AppError("NOT_FOUND", "not found");
  else {
    log.error({ err }, "unhandled error");
    appErr = new AppError("INTERNAL", "Something went wrong");
  }
  const headers: Record<string, string> = { "x-request-id": requestId };
  const retryAfter = appErr.extra?.retryAfter;
  if (typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  // The rest of an oversized body is never read: the connection cannot carry another request.
  if (appErr.code === "PAYLOAD_TOO_LARGE") headers.connection = "close";
  return jsonAnswer(appErr.toJSON(), appErr.status, headers);
}

export const errorResponse = (err: unknown, requestId: string): Response => toResponse(errorAnswer(err, requestId));

/** Response.redirect() and fetch() answers have immutable headers: copy the response when needed. */
function withHeader(res: Response, name: string, value: string): Response {
  try {
    res.headers.set(name, value);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set(name, value);
    return copy;
  }
}

/**
 * `checkOrigin: false` is for server-to-server callers only (payment webhooks), which send no Origin and
 * must prove themselves another way.
 */
export function route<P = Record<string, never>, R extends RequestLike = Request>(handler: Handler<P, R>, opts: { checkOrigin?: boolean } = {}) {
  return async (req: R, ctx: Ctx<P>): Promise<Response> => {
    const answer = await handle(handler, req, (await ctx?.params) ?? ({} as P), requestIdOf(req), opts);
    return answer instanceof Response ? answer : toResponse(answer);
  };
}

/** The caller's request id (trimmed), else a new one. */
export const requestIdOf = (req: RequestLike): string => req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();

/**
 * What route() does for one request, for both mounts: the request id in the log context and on the answer,
 * the Origin check, the one mapping of errors, one log line. Never rejects.
 */
export function handle<P, R extends RequestLike>(handler: Handler<P, R>, req: R, params: P, requestId: string, opts: { checkOrigin?: boolean } = {}): Promise<Response | Answer> {
  return requestContext.run({ requestId }, async () => {
    const started = performance.now();
    let res: Response | Answer;
    try {
      if (opts.checkOrigin !== false && changesState(req.method) && !isSameOrigin(req.headers)) throw crossOriginRefusal();
      const answered = await handler(req, { params, requestId });
      res = answered instanceof Response ? withHeader(answered, "x-request-id", requestId) : { ...answered, headers: { ...answered.headers, "x-request-id": requestId } };
    } catch (err) {
      res = errorAnswer(err, requestId);
    }
    if (log.isLevelEnabled("info")) log.info({ method: req.method, path: new URL(req.url).pathname, status: res.status, ms: Math.round(performance.now() - started) }, "request");
    return res;
  });
}
