// A Toss-compatible server over plain node:http, for tests, the demo and benchmarks. Tests start it
// in-process on port 0 and still talk to it over real HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultFakeConfig, mergeConfig, type FakeConfig, type FakeConfigPatch } from "./config";
import { cancel } from "./api";
import { sendJson, tossError, type Reply } from "./http-util";
import { handleOwnRoutes } from "./routes";
import { FakeRuntime } from "./runtime";
import type { Ledger } from "./state";
import { handleApi, matchApi } from "./toss-api";

export type TossFakeOptions = FakeConfigPatch & {
  port?: number;
  host?: string;
  /** The fake's clock (session expiry); Date.now by default. */
  now?: () => number;
};

export type TossFake = {
  url: string;
  port: number;
  config: { get(): FakeConfig; set(patch: FakeConfigPatch): FakeConfig };
  state: FakeRuntime["state"];
  webhooks: FakeRuntime["webhooks"];
  /** The fake's record of every payment and of the money that moved (what GET /_fake/ledger answers). */
  ledger(): Ledger;
  /** An operator cancels in Toss's console (what POST /_fake/console/payments/{paymentKey}/cancel does). */
  consoleCancel(paymentKey: string, body?: { cancelReason?: string; cancelAmount?: number }): Reply;
  advanceTime(ms: number): void;
  /** Lands all slow work still waiting, now (what POST /_fake/slow/finish does); how many landed. */
  finishSlowWork(): number;
  reset(): void;
  close(): Promise<void>;
};

export async function startTossFake(options: TossFakeOptions = {}): Promise<TossFake> {
  const { port = 0, host = "127.0.0.1", now, ...patch } = options;
  const rt = new FakeRuntime(mergeConfig(defaultFakeConfig, patch), now);

  const server = createServer((req, res) => {
    handle(rt, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, tossError(500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "내부 시스템 처리 작업이 실패했습니다."));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${actualPort}`;
  rt.baseUrl = url;

  return {
    url,
    port: actualPort,
    config: { get: rt.config, set: (p) => rt.configure(p) },
    state: rt.state,
    webhooks: rt.webhooks,
    ledger: () => rt.state.ledger(rt.config().sessionTtlMs),
    consoleCancel: (paymentKey, body = {}) => cancel(rt.apiContext, paymentKey, { cancelReason: "고객센터 취소", ...body }, "console"),
    advanceTime: (ms) => rt.advanceTime(ms),
    finishSlowWork: () => rt.finishSlowWork(),
    reset: () => rt.reset(),
    async close() {
      rt.webhooks.close();
      rt.releaseHung();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(rt: FakeRuntime, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://fake");
  const api = matchApi(rt, req.method ?? "GET", url.pathname);
  if (api) return handleApi(rt, req, res, url.pathname, api);
  if (await handleOwnRoutes(rt, req, res, url)) return;
  sendJson(res, tossError(404, "NOT_FOUND", "존재하지 않는 정보 입니다."));
}
