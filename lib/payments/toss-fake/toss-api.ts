// The Toss API routes wrapped the way the real service behaves around them: Basic auth, then the
// configured faults (5xx, hang, latency), then Idempotency-Key replay — a repeated key gets the first
// stored answer and nothing happens twice.
import type { IncomingMessage, ServerResponse } from "node:http";
import { idempotencyKeySchema } from "@/lib/payments/toss/schemas";
import * as api from "./api";
import type { FaultTarget } from "./config";
import { parseJson, readBody, sendJson, tossError, type Reply } from "./http-util";
import { chance } from "./rng";
import type { FakeRuntime } from "./runtime";
import type { RequestLogEntry } from "./state";

type Route = { operation: string; target: FaultTarget; run: (body: unknown) => Reply };

export function matchApi(rt: FakeRuntime, method: string, path: string): Route | undefined {
  const ctx = rt.apiContext;
  if (method === "POST" && path === "/v1/payments/confirm") return { operation: "confirm", target: "confirm", run: (b) => api.confirm(ctx, b) };
  let m = /^\/v1\/payments\/orders\/([^/]+)$/.exec(path);
  if (method === "GET" && m) return { operation: "getPaymentByOrderId", target: "lookup", run: () => api.getByOrder(ctx, decodeURIComponent(m![1])) };
  m = /^\/v1\/payments\/([^/]+)\/cancel$/.exec(path);
  if (method === "POST" && m) return { operation: "cancel", target: "cancel", run: (b) => api.cancel(ctx, decodeURIComponent(m![1]), b) };
  m = /^\/v1\/payments\/([^/_][^/]*)$/.exec(path);
  if (method === "GET" && m) return { operation: "getPayment", target: "lookup", run: () => api.getByKey(ctx, decodeURIComponent(m![1])) };
  return undefined;
}

const processing = () => tossError(409, "IDEMPOTENT_REQUEST_PROCESSING", "이전 멱등 요청이 처리중입니다.");

/**
 * Toss's Basic auth: no header or an unknown key is 401 UNAUTHORIZED_KEY; a header that is not
 * `Basic base64(secretKey + ":")` (another scheme, not base64, no colon) is 403 INCORRECT_BASIC_AUTH_FORMAT.
 */
function authenticate(req: IncomingMessage, accepted: string[]): { secretKey: string } | Reply {
  const header = req.headers.authorization;
  if (!header) return tossError(401, "UNAUTHORIZED_KEY", "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.");
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header);
  const decoded = match ? Buffer.from(match[1], "base64").toString("utf8") : "";
  if (!decoded.includes(":")) return tossError(403, "INCORRECT_BASIC_AUTH_FORMAT", "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요.");
  const secretKey = accepted.find((key) => decoded === `${key}:`);
  return secretKey ? { secretKey } : tossError(401, "UNAUTHORIZED_KEY", "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다.");
}

/**
 * Does the work of one request. Slow work (`ms` > 0) keeps its idempotency scope in flight until it lands;
 * the answer is then stored under the scope (2xx and 4xx, like Toss; 5xx are not).
 */
async function doWork(rt: FakeRuntime, route: Route, body: unknown, scope: string | undefined, ms: number): Promise<Reply> {
  if (ms > 0) {
    if (scope) rt.state.inFlight.add(scope);
    try {
      await rt.work(ms);
    } finally {
      if (scope) rt.state.inFlight.delete(scope);
    }
  }
  const answer = route.run(body);
  if (scope && answer.status < 500) rt.state.remember(scope, answer.status, answer.body);
  return answer;
}

export async function handleApi(rt: FakeRuntime, req: IncomingMessage, res: ServerResponse, path: string, route: Route) {
  const config = rt.config();
  const header = req.headers["idempotency-key"];
  const rawKey = Array.isArray(header) ? header[0] : header;
  const entry: RequestLogEntry = { method: req.method!, path, operation: route.operation, idempotencyKey: rawKey, status: null, replayed: false, at: rt.now() };
  rt.logRequest(entry);
  const reply = (r: Reply) => {
    entry.status = r.status;
    sendJson(res, r);
  };

  const text = await readBody(req).catch(() => null);
  const auth = authenticate(req, config.secretKeys);
  if ("status" in auth) return reply(auth);

  const faulty = config.faultTargets.includes(route.target);
  const scripted = faulty ? rt.takeScriptedFault() : undefined;
  if (scripted === "error" || (!scripted && faulty && chance(rt.rngs.chaos, config.errorRate))) {
    entry.fault = "error";
    return reply(tossError(500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "내부 시스템 처리 작업이 실패했습니다. 잠시 후 다시 시도해주세요."));
  }
  const hang = scripted === "hang" || (!scripted && faulty && chance(rt.rngs.chaos, config.hangRate));
  if (hang && config.hangPhase === "before") {
    entry.fault = "hang";
    return rt.hold(res);
  }

  const body = text ? parseJson(text) : undefined;
  if (text === null || (text && body === undefined)) return reply(tossError(400, "INVALID_REQUEST", "잘못된 요청입니다."));
  if (rawKey !== undefined && !idempotencyKeySchema.safeParse(rawKey).success && rawKey.length > 0) {
    return reply(tossError(400, "INVALID_IDEMPOTENCY_KEY", "멱등키는 300자 이하여야 합니다."));
  }

  const scope = rawKey && req.method === "POST" ? `${auth.secretKey}|${req.method}|${path}|${rawKey}` : undefined;
  const slow = scripted === "slow" || (!scripted && faulty && chance(rt.rngs.slow, config.slowRate));
  const conflict = !!scope && (scripted === "conflict" || (!scripted && faulty && chance(rt.rngs.slow, config.conflictRate)));
  let answer: Reply;
  const stored = scope && !rt.state.inFlight.has(scope) ? rt.state.replay(scope) : undefined;
  if (scope && rt.state.inFlight.has(scope)) {
    // The first request with this key is still being processed: "ask again with the same key".
    answer = processing();
  } else if (stored) {
    entry.replayed = true;
    answer = { status: stored.status, body: stored.body };
  } else if (conflict) {
    // The request reached Toss twice: the copy ahead of this one does the work, this one is told to wait.
    entry.fault = "conflict";
    doWork(rt, route, body, scope, Math.max(1, config.slowMs)).catch(() => undefined);
    answer = processing();
  } else {
    if (slow) entry.fault = "slow";
    answer = await doWork(rt, route, body, scope, slow ? config.slowMs : 0);
  }

  if (hang) {
    // Done on Toss's side, answer lost on the way back: the caller's timeout fires.
    entry.fault = "hang";
    return rt.hold(res);
  }
  if (faulty) await rt.delay();
  reply(answer);
}
