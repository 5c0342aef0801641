// The transport over a real socket, against servers that misbehave the ways a network does: the outcome of
// each is a definite answer or a TransientError that says whether the request may have arrived.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendOnce, TransientError } from "./transport";

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? (server.closeAllConnections(), server.close(() => done())) : done())));

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const config = (baseUrl: string, timeoutMs = 5000) => ({ baseUrl, secretKey: "test_sk_transport", timeoutMs });
const failure = (p: Promise<unknown>) => p.then(() => expect.fail("resolved"), (e: unknown) => e as TransientError);

describe("sendOnce over node:http", () => {
  it("sends Basic auth, the Idempotency-Key and the JSON body, and parses the JSON answer", async () => {
    const seen: { auth?: string; key?: string; body?: string } = {};
    const url = await serve((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c)).on("end", () => {
        Object.assign(seen, { auth: req.headers.authorization, key: req.headers["idempotency-key"], body });
        res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ code: "INVALID_REQUEST", message: "잘못된 요청" }));
      });
    });
    const answer = await sendOnce(config(url), { method: "POST", path: "/v1/payments/confirm", body: { amount: 1000, note: "한글" }, idempotencyKey: "k-1" });
    expect(answer).toEqual({ status: 400, body: { code: "INVALID_REQUEST", message: "잘못된 요청" } });
    expect(seen).toEqual({ auth: `Basic ${Buffer.from("test_sk_transport:").toString("base64")}`, key: "k-1", body: JSON.stringify({ amount: 1000, note: "한글" }) });
  });

  it("headers sent, then the body stalls: a timeout (the outcome is unknown)", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"status":');
    });
    const error = await failure(sendOnce(config(url, 200), { method: "GET", path: "/v1/payments/x" }));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.reason).toBe("timeout");
    expect(error.mayHaveArrived).toBe(true);
  });

  it("the connection drops in the middle of the answer: a network error that may have arrived", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      res.write('{"status":"DO');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await failure(sendOnce(config(url, 2000), { method: "POST", path: "/v1/payments/confirm", body: {} }));
    expect(error.reason).toBe("network");
    expect(error.mayHaveArrived).toBe(true);
  });

  it("a refused connection never arrived", async () => {
    const url = await serve(() => {});
    const port = (server!.address() as AddressInfo).port;
    await new Promise<void>((done) => server!.close(() => done()));
    server = undefined;
    const error = await failure(sendOnce(config(`http://127.0.0.1:${port}`), { method: "POST", path: "/v1/payments/confirm", body: {} }));
    expect(error.reason).toBe("network");
    expect(error.mayHaveArrived).toBe(false);
    expect(url).toContain(String(port));
  });

  it("5xx and 429 are transient with their status; a non-JSON body parses to undefined", async () => {
    let status = 503;
    const url = await serve((_req, res) => res.writeHead(status).end("<html>busy</html>"));
    const e5 = await failure(sendOnce(config(url), { method: "GET", path: "/" }));
    expect([e5.reason, e5.status]).toEqual(["server_error", 503]);
    status = 429;
    const e4 = await failure(sendOnce(config(url), { method: "GET", path: "/" }));
    expect([e4.reason, e4.status]).toEqual(["rate_limited", 429]);
    status = 404;
    expect(await sendOnce(config(url), { method: "GET", path: "/" })).toEqual({ status: 404, body: undefined });
  });

  it("reuses one kept-alive connection for calls in sequence", async () => {
    const sockets = new Set<unknown>();
    const url = await serve((req, res) => {
      sockets.add(req.socket);
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
    for (let i = 0; i < 5; i++) await sendOnce(config(url), { method: "GET", path: `/v1/payments/${i}` });
    expect(sockets.size).toBe(1);
  });
});
