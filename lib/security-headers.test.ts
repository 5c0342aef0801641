import { describe, expect, it } from "vitest";
import { NON_PAGE_POLICY, cameOverHttps, commonHeaders, inlineScriptHashes, newNonce, pagePolicy, type PolicyOptions } from "./security-headers";

const plain: PolicyOptions = { tossWidget: false, https: false, dev: false };

/** A policy as directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe("pagePolicy", () => {
  it("allows the page's nonce and the shop's own scripts, never inline scripts at large or eval", () => {
    const d = directives(pagePolicy({ nonce: "abc123==" }, plain));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "https://t1.daumcdn.net"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("worker-src")).toEqual(["'self'", "blob:"]);
    // Styles stay inline-capable: a nonce there would switch 'unsafe-inline' off for cached pages' styles.
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lists a cached page's script hashes instead of a nonce", () => {
    const d = directives(pagePolicy({ hashes: ["'sha256-AAA='", "'sha256-BBB='"] }, plain));
    expect(d.get("script-src")).toEqual(["'self'", "'sha256-AAA='", "'sha256-BBB='", "https://t1.daumcdn.net"]);
  });

  it("allows Toss's SDK, frames and API only when the widget is configured", () => {
    const off = pagePolicy({ nonce: "n" }, plain);
    expect(off).not.toContain("tosspayments");
    const d = directives(pagePolicy({ nonce: "n" }, { ...plain, tossWidget: true }));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-n'", "https://t1.daumcdn.net", "https://js.tosspayments.com"]);
    expect(d.get("frame-src")).toEqual(["'self'", "https://postcode.map.daum.net", "https://*.tosspayments.com"]);
    expect(d.get("connect-src")).toEqual(["'self'", "https://*.tosspayments.com"]);
  });

  it("allows the postcode search's scripts and frame, and nothing else of Kakao's", () => {
    const d = directives(pagePolicy({ nonce: "n" }, plain));
    expect(d.get("frame-src")).toEqual(["'self'", "https://postcode.map.daum.net"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("upgrades insecure requests on an https shop and allows eval only in development", () => {
    expect(directives(pagePolicy({ nonce: "n" }, { ...plain, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(pagePolicy({ nonce: "n" }, { ...plain, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("gives everything that is not a page nothing to load and no framing", () => {
    const d = directives(NON_PAGE_POLICY);
    expect(d.get("default-src")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("commonHeaders", () => {
  it("sets nosniff, the referrer policy, the permissions policy and the old framing header", () => {
    const h = commonHeaders({ tossWidget: false });
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["permissions-policy"]).toContain("payment=(self)");
    expect(commonHeaders({ tossWidget: true })["permissions-policy"]).toContain('payment=(self "https://*.tosspayments.com")');
  });
});

describe("inlineScriptHashes", () => {
  it("hashes inline scripts as browsers do (the CSP specification's own example)", () => {
    expect(inlineScriptHashes("<p>hi</p><script>alert('Hello, world.');</script>")).toEqual(["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"]);
  });

  it("hashes the text after the parser's newline normalisation, skips external and empty scripts, and dedupes", () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script nonce="x">alert(\'Hello, world.\');</script>',
      "<SCRIPT type=module>alert('Hello, world.');</SCRIPT >",
      "<script></script>",
      "<script>a\r\nb\rc</script>",
      "<script>a\nb\nc</script>",
    ].join("");
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(hashes[1]).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });
});

describe("cameOverHttps", () => {
  it("believes x-forwarded-proto only from a trusted proxy, reading the value it set (the right-most)", () => {
    expect(cameOverHttps("https", 0)).toBe(false);
    expect(cameOverHttps("https", 1)).toBe(true);
    expect(cameOverHttps("HTTPS", 1)).toBe(true);
    expect(cameOverHttps("https, http", 1)).toBe(false);
    expect(cameOverHttps("http, https", 1)).toBe(true);
    expect(cameOverHttps(["http", "https"], 1)).toBe(true);
    expect(cameOverHttps(undefined, 1)).toBe(false);
    expect(cameOverHttps("http", 1)).toBe(false);
    expect(cameOverHttps("https, http", 2)).toBe(true); // the outer proxy terminated TLS
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
