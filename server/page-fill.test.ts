import { describe, expect, it } from "vitest";
import { inlineScriptHashes, pagePolicy, type PolicyOptions } from "@/lib/security-headers";
import { withScriptHashes } from "./page-fill";

const policy: PolicyOptions = { tossWidget: false, https: false, dev: false };
const html = '<html><head><script src="/_next/static/a.js" nonce="render-nonce"></script></head><body><script nonce="render-nonce">self.__next_f.push([1])</script><script nonce="render-nonce">$RC("B:0","S:0")</script></body></html>';

describe("withScriptHashes", () => {
  it("swaps the render's nonce policy for the hashes of the page's inline scripts and keeps the bytes", () => {
    const body = Buffer.from(html);
    const page = withScriptHashes({ status: 200, headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": pagePolicy({ nonce: "render-nonce" }, policy), "x-content-type-options": "nosniff" }, body }, policy);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).not.toContain("render-nonce");
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(2);
    expect(csp).toContain(`script-src 'self' ${hashes.join(" ")} https://t1.daumcdn.net;`);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.body).toBe(body);
  });

  it("leaves what is not HTML as it came", () => {
    const page = { status: 200, headers: { "content-type": "application/json", "content-security-policy": "default-src 'none'" }, body: Buffer.from("{}") };
    expect(withScriptHashes(page, policy)).toBe(page);
  });
});
