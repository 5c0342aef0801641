// The fake's own routes around Toss's API: the stand-in checkout page, the browserless payment window
// for tests and benchmarks (POST /v1/_fake/sessions), a receipt page, and the admin endpoints under
// /_fake (configuration at run time, reset, clock, and the records tests assert against).
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { cancel } from "./api";
import { fakeConfigPatchSchema } from "./config";
import { pickLang, renderCheckout, renderInvalid } from "./checkout-page";
import { escapeHtml, parseJson, readBody, redirect, sendHtml, sendJson, tossError } from "./http-util";
import { runPaymentWindow, windowActionSchema, windowParamsSchema } from "./payment-window";
import type { FakeRuntime } from "./runtime";

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
const sessionBodySchema = windowParamsSchema.extend({ action: windowActionSchema.default("profile") });
const clockSchema = z.object({ advanceMs: z.number().int().min(0) });

export async function handleOwnRoutes(rt: FakeRuntime, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case "GET /health":
      sendJson(res, { status: 200, body: { status: "ok" } });
      return true;
    case "GET /checkout": {
      const lang = pickLang(req, url);
      const params = windowParamsSchema.required({ successUrl: true, failUrl: true }).safeParse(Object.fromEntries(url.searchParams));
      if (!params.success) sendHtml(res, 400, renderInvalid(lang, issues(params.error)));
      else sendHtml(res, 200, renderCheckout(lang, params.data));
      return true;
    }
    case "POST /checkout": {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const lang = form.lang === "en" ? "en" : "ko";
      const params = windowParamsSchema.required({ successUrl: true, failUrl: true }).safeParse(form);
      const action = z.enum(["pay", "cancel", "reject"]).safeParse(form.action);
      if (!params.success || !action.success) {
        sendHtml(res, 400, renderInvalid(lang, [...(params.error ? issues(params.error) : []), ...(action.error ? ["action: pay | cancel | reject"] : [])]));
        return true;
      }
      const result = runPaymentWindow(rt.state, rt.config(), rt.rngs.profile, params.data, action.data);
      redirect(res, result.redirectUrl!);
      return true;
    }
    case "POST /v1/_fake/sessions": {
      const body = sessionBodySchema.safeParse(parseJson(await readBody(req)));
      if (!body.success) sendJson(res, { status: 400, body: { code: "INVALID_REQUEST", message: issues(body.error).join("; ") } });
      else sendJson(res, { status: 200, body: runPaymentWindow(rt.state, rt.config(), rt.rngs.profile, body.data, body.data.action) });
      return true;
    }
    case "GET /_fake/config":
      sendJson(res, { status: 200, body: rt.config() });
      return true;
    case "POST /_fake/config": {
      const patch = fakeConfigPatchSchema.safeParse(parseJson(await readBody(req)));
      const next = patch.success ? safe(() => rt.configure(patch.data)) : undefined;
      if (!next) sendJson(res, { status: 400, body: { code: "INVALID_REQUEST", message: patch.error ? issues(patch.error).join("; ") : "invalid configuration" } });
      else sendJson(res, { status: 200, body: next });
      return true;
    }
    case "POST /_fake/reset":
      rt.reset();
      sendJson(res, { status: 200, body: rt.config() });
      return true;
    case "POST /_fake/clock": {
      const body = clockSchema.safeParse(parseJson(await readBody(req)));
      if (!body.success) sendJson(res, { status: 400, body: { code: "INVALID_REQUEST", message: issues(body.error).join("; ") } });
      else {
        rt.advanceTime(body.data.advanceMs);
        sendJson(res, { status: 200, body: { now: new Date(rt.now()).toISOString() } });
      }
      return true;
    }
    case "POST /_fake/slow/finish":
      sendJson(res, { status: 200, body: { finished: rt.finishSlowWork() } });
      return true;
    case "GET /_fake/ledger":
      sendJson(res, { status: 200, body: rt.state.ledger(rt.config().sessionTtlMs) });
      return true;
    case "GET /_fake/requests":
      sendJson(res, { status: 200, body: rt.state.requests });
      return true;
    case "GET /_fake/webhooks":
      sendJson(res, { status: 200, body: rt.webhooks.deliveries });
      return true;
  }
  // An operator cancels in Toss's console: no shop request, no Idempotency-Key; recorded and announced by
  // webhook (PAYMENT_STATUS_CHANGED, CANCELED / PARTIAL_CANCELED) exactly like a cancel through the API.
  const consoleCancel = /^\/_fake\/console\/payments\/([^/]+)\/cancel$/.exec(url.pathname);
  if (req.method === "POST" && consoleCancel) {
    const body = parseJson(await readBody(req)) ?? {};
    const withReason = typeof body === "object" && body !== null ? { cancelReason: "고객센터 취소", ...body } : body;
    sendJson(res, cancel(rt.apiContext, decodeURIComponent(consoleCancel[1]), withReason, "console"));
    return true;
  }
  const receipt = /^\/receipt\/([^/]+)$/.exec(url.pathname);
  if (req.method === "GET" && receipt) {
    const record = rt.state.payments.get(decodeURIComponent(receipt[1]));
    if (!record?.approvedAt) sendJson(res, tossError(404, "NOT_FOUND_PAYMENT", "존재하지 않는 결제 정보 입니다."));
    else sendHtml(res, 200, `<!doctype html><meta charset="utf-8"><title>영수증</title><h1>영수증 (테스트)</h1><p>${escapeHtml(record.orderName)} — ₩${record.amount.toLocaleString("ko-KR")} — ${escapeHtml(record.status)}</p>`);
    return true;
  }
  return false;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
