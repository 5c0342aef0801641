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

function secretKeyOf(req: IncomingMessage, accepted: string[]): string | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  return accepted.find((key) => decoded === `${key}:`);
}

export async function handleApi(rt: FakeRuntime, req: IncomingMessage, res: ServerResponse, path: string, route: Route) {
  const config = rt.config();
  const header = req.headers["idempotency-key"];
  const idempotencyKey = Array.isArray(header) ? header[0] : header;
  const entry: RequestLogEntry = { method: req.method!, path, operation: route.operation, idempotencyKey, status: null, replayed: false, at: rt.now() };
  rt.logRequest(entry);
  const reply = (r: Reply) => {
    entry.status = r.status;
    sendJson(res, r);
  };

  const text = await readBody(req).catch(() => null);
  const secretKey = secretKeyOf(req, config.secretKeys);
  if (!secretKey) return reply(tossError(401, "UNAUTHORIZED_KEY", "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다."));

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
  if (idempotencyKey !== undefined && !idempotencyKeySchema.safeParse(idempotencyKey).success) {
    return reply(tossError(400, "INVALID_REQUEST", "멱등키는 300자 이하여야 합니다."));
  }

  let answer: Reply;
  const scope = idempotencyKey && req.method === "POST" ? `${secretKey}|${req.method}|${path}|${idempotencyKey}` : undefined;
  const stored = scope ? rt.state.replay(scope) : undefined;
  if (stored) {
    entry.replayed = true;
    answer = { status: stored.status, body: stored.body };
  } else {
    answer = route.run(body);
    if (scope && answer.status < 500) rt.state.remember(scope, answer.status, answer.body);
  }

  if (hang) {
    // Done on Toss's side, answer lost on the way back: the caller's timeout fires.
    entry.fault = "hang";
    return rt.hold(res);
  }
  if (faulty) await rt.delay();
  reply(answer);
}
