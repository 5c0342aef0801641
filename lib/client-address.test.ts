// The derivation of the client's address and host from the forwarded chain, with spoofed headers, for no,
// one and two trusted proxies; the production server's rewrite of a request's headers (server/forwarded.ts).
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { resolveForwarded } from "@/server/forwarded";
import { addressFromChain, clientIp, hostFromChain, isSameOrigin } from "./client-address";
import { env } from "./env";

const headers = (h: Record<string, string>) => new Headers(h);

describe("addressFromChain", () => {
  it("with no trusted proxy, is the socket's peer whatever the client sent", () => {
    expect(addressFromChain("203.0.113.1, 198.51.100.2", "192.0.2.10", 0)).toBe("192.0.2.10");
    expect(addressFromChain(undefined, "192.0.2.10", 0)).toBe("192.0.2.10");
  });

  it("with one trusted proxy, is the entry that proxy appended (the right-most)", () => {
    expect(addressFromChain("6.6.6.6, 203.0.113.5", "10.0.0.1", 1)).toBe("203.0.113.5");
    expect(addressFromChain("203.0.113.5", "10.0.0.1", 1)).toBe("203.0.113.5");
  });

  it("with two, is the entry two places from the right, the client's prefix ignored", () => {
    expect(addressFromChain("6.6.6.6, 7.7.7.7, 203.0.113.5, 10.0.0.2", "10.0.0.1", 2)).toBe("203.0.113.5");
  });

  it("with a chain shorter than the hops, is its left-most entry", () => {
    expect(addressFromChain("203.0.113.5", "10.0.0.1", 2)).toBe("203.0.113.5");
    expect(addressFromChain(undefined, "10.0.0.1", 2)).toBe("10.0.0.1");
  });

  it("without a socket (headers only, as under next start), the nearest proxy's entry is the last one", () => {
    // One trusted proxy appended the client it saw: that is the right-most entry, not one further left.
    expect(addressFromChain("6.6.6.6, 203.0.113.5", undefined, 1)).toBe("203.0.113.5");
    expect(addressFromChain("6.6.6.6, 7.7.7.7, 203.0.113.5, 10.0.0.2", undefined, 2)).toBe("203.0.113.5");
    expect(addressFromChain("6.6.6.6, 203.0.113.5", undefined, 0)).toBe("203.0.113.5");
  });

  it("reads no address from nothing; one IPv4 client is one key on either stack", () => {
    expect(addressFromChain(null, undefined, 0)).toBeUndefined();
    expect(addressFromChain(undefined, "::ffff:192.0.2.10", 0)).toBe("192.0.2.10");
    expect(addressFromChain(undefined, "2001:db8::1", 0)).toBe("2001:db8::1");
  });
});

describe("hostFromChain", () => {
  it("is Host with no trusted proxy, never X-Forwarded-Host", () => {
    expect(hostFromChain("evil.example", "shop.example", 0)).toBe("shop.example");
  });
  it("is the host the outermost trusted proxy saw", () => {
    expect(hostFromChain("shop.example", "app:3000", 1)).toBe("shop.example");
    expect(hostFromChain("evil.example, shop.example, internal", "app:3000", 2)).toBe("shop.example");
    expect(hostFromChain("shop.example", "app:3000", 2)).toBe("shop.example");
  });
});

describe("the production server's rewrite, then the header-only reading", () => {
  const nodeRequest = (h: Record<string, string>, remoteAddress: string) => ({ headers: { ...h }, socket: { remoteAddress } }) as unknown as IncomingMessage;
  const spoofed = { host: "shop.example", "x-forwarded-for": "6.6.6.6, 203.0.113.5", "x-forwarded-host": "evil.example", "x-real-ip": "6.6.6.7", "x-vercel-forwarded-for": "6.6.6.8" };

  it("leaves one address and one host, which clientIp and requestHost read the same for any hops", () => {
    for (const [hops, ip, host] of [[0, "192.0.2.10", "shop.example"], [1, "203.0.113.5", "evil.example"], [2, "6.6.6.6", "evil.example"]] as const) {
      const req = nodeRequest(spoofed, "::ffff:192.0.2.10");
      resolveForwarded(req, hops);
      expect(req.headers).toMatchObject({ "x-forwarded-for": ip, "x-forwarded-host": host });
      expect(req.headers["x-real-ip"]).toBeUndefined();
      expect(req.headers["x-vercel-forwarded-for"]).toBeUndefined();
      // The process's own TRUST_PROXY_HOPS (0 here) reads the rewritten headers to the same answer.
      expect(clientIp(headers(req.headers as Record<string, string>))).toBe(ip);
    }
  });
});

describe("isSameOrigin", () => {
  const app = new URL(env.APP_URL);
  it("admits the shop's origin and the very host the request went to", () => {
    expect(isSameOrigin(headers({ origin: app.origin }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://shop.example", host: "shop.example" }))).toBe(true);
  });
  it("refuses no Origin, Origin: null, a foreign Origin, a forged X-Forwarded-Host and a Referer in place of Origin", () => {
    expect(isSameOrigin(headers({ host: app.host }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host: app.host }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://evil.example", host: app.host }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "http://evil.example", host: app.host, "x-forwarded-host": "evil.example" }))).toBe(false);
    expect(isSameOrigin(headers({ referer: `${app.origin}/cart`, host: app.host }))).toBe(false);
  });
});
