// Bodies on the production server's fast path (server/fast-path.ts), in its own process over real sockets
// (test/instance-server.ts: the fast paths on a Node http server, as server/index.ts mounts them without
// Next): a body over the cap is answered 413 with `connection: close` and the connection really ends —
// also when the client never stops sending — and a deep or NUL-bearing order is a 4xx before any write.
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionCookie } from "@/lib/auth/session";
import { MAX_JSON_BYTES, MAX_JSON_DEPTH } from "@/lib/body";
import { db } from "@/lib/db";
import { createAccount } from "@/test/accounts";
import { createProduct } from "@/test/factories";
import { cookieHeader, origin } from "@/test/http";
import { eventually, NodeProcess } from "@/test/processes";
import { freePort } from "@/test/redis-server";

let server: NodeProcess;
let port: number;
let base: string;
let cookie: string;
let userId: string;

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = new NodeProcess("fast path", "test/instance-server.ts", { ...process.env, NODE_ENV: "production", HURRYUP_DEMO: "1", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn" });
  const { user } = await createAccount();
  userId = user.id;
  cookie = cookieHeader(await mintSessionCookie(user.id));
  await eventually(() => fetch(`${base}/healthz`).then((r) => r.ok, () => false), "the server listening", [server], 120_000);
});

afterAll(async () => {
  await server?.stop();
});

const order = (body: string) =>
  fetch(`${base}/api/orders`, { method: "POST", body, headers: { "content-type": "application/json", origin, cookie, "idempotency-key": crypto.randomUUID() } });

/**
 * A raw HTTP/1.1 POST whose body never ends: chunks go out as fast as the socket takes them until the
 * server closes the connection. Resolves with everything the server sent once the socket is closed.
 */
function endlessUpload(headers: string): Promise<{ response: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    // allowHalfOpen: the server's FIN does not end this side, which goes on sending until it is cut off.
    const socket: Socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let response = "";
    let sentBytes = 0;
    let closed = false;
    const pump = () => {
      while (!closed && socket.writable) {
        sentBytes += chunk.length;
        const framed = headers.includes("chunked") ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
        if (!socket.write(framed)) return void socket.once("drain", pump);
      }
    };
    socket.on("connect", () => {
      socket.write(headers);
      pump();
    });
    socket.on("data", (d) => (response += d.toString("latin1")));
    socket.on("error", () => {}); // the server's reset after its linger is the expected end for a client that never stops
    socket.on("close", () => {
      closed = true;
      resolve({ response, sentBytes });
    });
    socket.setTimeout(90_000, () => reject(new Error(`the connection was never closed (${sentBytes} bytes sent; answer so far: ${response.slice(0, 200)})`)));
  });
}

const head = (extra: string) => `POST /api/orders HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\norigin: ${origin}\r\ncookie: ${cookie}\r\n${extra}\r\n`;

describe("the fast path's body cap", () => {
  it("a body over the cap is a 413 with `connection: close`", async () => {
    const res = await order(JSON.stringify({ items: [], pad: "x".repeat(MAX_JSON_BYTES) }));
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("a client that keeps sending a chunked body gets its 413 and the connection closed", async () => {
    const { response, sentBytes } = await endlessUpload(head("transfer-encoding: chunked\r\n"));
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response.toLowerCase()).toContain("connection: close");
    expect(sentBytes).toBeGreaterThan(MAX_JSON_BYTES);
  });

  it("a declared Content-Length over the cap is refused before the body is read, and the sender is cut off", async () => {
    const { response } = await endlessUpload(head(`content-length: ${100 * 1024 * 1024}\r\n`));
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("the server still answers after refusing (no stuck handler)", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe("the fast path's order body", () => {
  it("deep JSON is a 400 and a NUL in the address a 422, with no order written", async () => {
    const product = await createProduct({ units: 3 });
    const items = [{ productId: product.id, quantity: 1 }];
    const deep = await order(`{"items":${JSON.stringify(items)},"x":${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}}`);
    expect(deep.status, server.output.slice(-3000)).toBe(400);
    const nul = await order(JSON.stringify({ items, shippingAddress: "서울시 중구 세종대로 110\u0000" }));
    expect(nul.status).toBe(422);
    expect(await nul.json()).toMatchObject({ error: { code: "VALIDATION", fields: { shippingAddress: ["Must not contain control characters"] } } });
    expect(await db.order.count({ where: { userId } })).toBe(0);
    // The same order with a clean address goes through: the refusals were the body, nothing else.
    expect((await order(JSON.stringify({ items, shippingAddress: "서울시 중구 세종대로 110" }))).status).toBe(201);
  });
});
