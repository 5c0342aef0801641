// One HTTP attempt against Toss's API. A definite answer (2xx or 4xx) resolves; anything that leaves the
// outcome open (timeout, network error, 5xx, 429) rejects with a TransientError, which is exactly what the
// circuit breaker counts as a failure and what the client may retry.

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
  const doFetch = config.fetch ?? fetch;
  const headers: Record<string, string> = { Authorization: basicAuthorization(config.secretKey), Accept: "application/json" };
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  if (req.idempotencyKey) headers["Idempotency-Key"] = req.idempotencyKey;
  // The timeout covers the whole exchange, body included: a server that sends headers and then stalls
  // is as unknown as one that never answers.
  const signal = AbortSignal.timeout(config.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await doFetch(new URL(req.path, config.baseUrl), {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (error) {
    if (signal.aborted) throw new TransientError("timeout", `no answer within ${config.timeoutMs} ms`);
    const cause = error instanceof Error ? (error.cause as (Error & { code?: string }) | undefined) : undefined;
    const neverArrived = cause?.code !== undefined && NOT_CONNECTED.has(cause.code);
    throw new TransientError("network", cause?.message ?? (error instanceof Error ? error.message : String(error)), undefined, !neverArrived);
  }
  const body = parseJson(text);
  if (status >= 500) throw new TransientError("server_error", `HTTP ${status} ${errorCode(body)}`.trim(), status);
  if (status === 429) throw new TransientError("rate_limited", `HTTP 429 ${errorCode(body)}`.trim(), status);
  return { status, body };
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
