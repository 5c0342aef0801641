// One HTTP attempt against Toss's API. A definite answer (2xx or 4xx) resolves; anything that leaves the
// outcome open (timeout, network error, 5xx, 429) rejects with a TransientError, which is exactly what the
// circuit breaker counts as a failure and what the client may retry.
//
// The exchange goes through node:http(s) with one keep-alive agent per process: undici's fetch (web streams,
// Headers, a Response per call) was a quarter of the server's CPU during a wave of confirms. Tests may pass
// `fetch` in the config to put a double in front of the network; production never does.
import http from "node:http";
import https from "node:https";

export type TransientReason = "timeout" | "network" | "server_error" | "rate_limited";

export class TransientError extends Error {
  constructor(
    readonly reason: TransientReason,
    message: string,
    readonly status?: number,
    /** False only when the request certainly never reached the server (connection refused, no such host). */
    readonly mayHaveArrived = true,
  ) {
    super(message);
    this.name = "TransientError";
  }
}

// Errors raised before a connection existed: the request cannot have been seen, let alone acted on.
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export type TossRequest = {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  idempotencyKey?: string;
};

/** A definite answer: the status and the parsed JSON body (undefined when it was not JSON). */
export type TossAnswer = { status: number; body: unknown };

export type TransportConfig = {
  baseUrl: string;
  secretKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
};

/** Toss's Basic authorization: base64(secretKey + ":") — the trailing colon says "no password". */
export const basicAuthorization = (secretKey: string) => `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;

export async function sendOnce(config: TransportConfig, req: TossRequest): Promise<TossAnswer> {
  const headers: Record<string, string> = { Authorization: basicAuthorization(config.secretKey), Accept: "application/json" };
  const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
  if (payload !== undefined) headers["Content-Type"] = "application/json";
  if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
  const url = new URL(req.path, config.baseUrl);
  const { status, text } = config.fetch
    ? await viaFetch(config.fetch, url, req.method, headers, payload, config.timeoutMs)
    : await viaNodeHttp(url, req.method, headers, payload, config.timeoutMs);
  const body = parseJson(text);
  if (status >= 500) throw new TransientError("server_error", `HTTP ${status} ${errorCode(body)}`.trim(), status);
  if (status === 429) throw new TransientError("rate_limited", `HTTP 429 ${errorCode(body)}`.trim(), status);
  return { status, body };
}

type Raw = { status: number; text: string };

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: "lifo" }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, scheduling: "lifo" }),
};

function networkError(error: unknown): TransientError {
  const code = (error as { code?: string } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new TransientError("network", message, undefined, !(code !== undefined && NOT_CONNECTED.has(code)));
}

function viaNodeHttp(url: URL, method: string, headers: Record<string, string>, payload: string | undefined, timeoutMs: number): Promise<Raw> {
  const secure = url.protocol === "https:";
  if (!secure && url.protocol !== "http:") return Promise.reject(new TransientError("network", `unsupported protocol ${url.protocol}`, undefined, false));
  if (payload !== undefined) headers["Content-Length"] = String(Buffer.byteLength(payload));
  return new Promise<Raw>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const request = (secure ? https : http).request(url, { method, headers, agent: agents[secure ? "https:" : "http:"] }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => finish(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") })));
      res.on("error", (error) => finish(() => reject(networkError(error))));
      res.on("close", () => {
        if (!res.complete) finish(() => reject(networkError(new Error("the connection closed before the answer was complete"))));
      });
    });
    // The timeout covers the whole exchange, body included: a server that sends headers and then stalls
    // is as unknown as one that never answers.
    const timer = setTimeout(() => {
      finish(() => reject(new TransientError("timeout", `no answer within ${timeoutMs} ms`)));
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => finish(() => reject(networkError(error))));
    request.end(payload);
  });
}

async function viaFetch(doFetch: typeof fetch, url: URL, method: string, headers: Record<string, string>, payload: string | undefined, timeoutMs: number): Promise<Raw> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await doFetch(url, { method, headers, body: payload, signal });
    return { status: res.status, text: await res.text() };
  } catch (error) {
    if (signal.aborted) throw new TransientError("timeout", `no answer within ${timeoutMs} ms`);
    throw networkError(error instanceof Error && error.cause ? error.cause : error);
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function errorCode(body: unknown): string {
  return body && typeof body === "object" && "code" in body ? String(body.code) : "";
}
