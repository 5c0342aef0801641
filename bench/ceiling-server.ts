// The ceiling: a bare Node http server (no framework, no auth, no ledger) running the same ADMIT Lua
// script over ioredis for the same requests. Buyers are told apart by a hash of their cookie. What our
// real server reaches is reported as a ratio of this.
// GETs (bench/crowd.ts) are answered with fixed bytes of the real answers' size: a path ending in /stock
// with CEILING_STOCK_BODY, any other with the file CEILING_PAGE_FILE — what bare Node can serve at all.
// Usage (spawned by bench/flash.ts): tsx bench/ceiling-server.ts <port> <redisUrl> <prefix> <productId>
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import Redis from "ioredis";
import { ADMIT } from "../lib/stock/scripts";

const [port, redisUrl, prefix, productId] = process.argv.slice(2);
const redis = new Redis(redisUrl);
const tag = `${prefix}{p:${productId}}`;
const codes: Record<string, number> = { reserved: 201, duplicate: 201 };

const stockBody = Buffer.from(process.env.CEILING_STOCK_BODY ?? "{}");
const pageBody = process.env.CEILING_PAGE_FILE ? readFileSync(process.env.CEILING_PAGE_FILE) : Buffer.from("<!doctype html>");

createServer((req, res) => {
  if (req.method === "GET") {
    const stock = req.url?.endsWith("/stock");
    const body = stock ? stockBody : pageBody;
    res.writeHead(200, { "content-type": stock ? "application/json" : "text/html; charset=utf-8", "content-length": body.length });
    return void res.end(body);
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { items: { quantity: number; variantId?: string }[] };
      const user = createHash("sha1").update(req.headers.cookie ?? "").digest("base64url");
      const key = String(req.headers["idempotency-key"] ?? "");
      const [result] = (await redis.evalsha(ADMIT.sha, 4, `${tag}:m`, `${tag}:b`, `${tag}:r:${user}:${key}`, `${tag}:wu`, user, body.items[0].quantity, Date.now(), 86400, "", "", 172800, body.items[0].variantId ?? "")) as [string];
      const status = codes[result] ?? 409;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(status === 201 ? { order: { status: "PENDING_PAYMENT" } } : { error: { code: result.toUpperCase() } }));
    } catch {
      res.writeHead(500).end();
    }
  });
}).listen(Number(port), "127.0.0.1", async () => {
  await redis.script("LOAD", ADMIT.source);
  process.send?.("ready");
});
