// The security headers of every response (docs/security.md, "Security headers and CSP"): one builder for
// the three places that answer — proxy.ts (everything Next serves), the page micro-cache and the fast paths
// of the production server (server/). Pages get a script policy of a nonce (rendered per request) or of
// the hashes of their inline scripts (a page kept by the micro-cache: the same bytes for everyone);
// everything else (JSON, files) gets a policy that allows nothing.
import { createHash, randomBytes } from "node:crypto";
import { protoFromChain, trustedHops } from "@/lib/client-address";
import { env } from "@/lib/env";

/** What may run as inline script on a page: its per-request nonce, or the hashes of its inline scripts. */
export type ScriptSources = { nonce: string } | { hashes: readonly string[] };

export type PolicyOptions = {
  /** Toss's payment widget is on (NEXT_PUBLIC_TOSS_CLIENT_KEY): its SDK script, frames and API calls. */
  tossWidget: boolean;
  /** The shop's public origin is https (APP_URL): browsers upgrade any stray http subresource. */
  https: boolean;
  /** `next dev`: React's development build needs eval for its error overlays. */
  dev: boolean;
};

// What @tosspayments/tosspayments-sdk loads on our page: its script from js.tosspayments.com, which frames
// the payment methods, agreement and payment window from *.tosspayments.com and calls Toss's APIs there.
// Everything else (card issuers, 3-D Secure, easy-pay apps) happens inside those frames, under Toss's policy.
const TOSS_SCRIPT = "https://js.tosspayments.com";
const TOSS_ORIGINS = "https://*.tosspayments.com";

// The Kakao (Daum) postcode search (components/addresses/postcode-search.tsx), loaded only when a buyer
// clicks "주소 검색": its loader script and the core script it adds come from t1.daumcdn.net, and it embeds
// its search as a frame from postcode.map.daum.net (which answers to the page with postMessage).
export const POSTCODE_SCRIPT = "https://t1.daumcdn.net";
export const POSTCODE_FRAME = "https://postcode.map.daum.net";

/** The Content-Security-Policy of a page. */
export function pagePolicy(scripts: ScriptSources, opts: PolicyOptions): string {
  const toss = (extra: string) => (opts.tossWidget ? ` ${extra}` : "");
  const inline = "nonce" in scripts ? `'nonce-${scripts.nonce}'` : scripts.hashes.join(" ");
  const directives = [
    "default-src 'self'",
    // 'self' loads Next's chunks (the <script src> tags and the runtime's dynamic imports); no
    // 'strict-dynamic', which would ignore 'self' and need every chunk tag to carry the nonce or a hash.
    `script-src 'self'${inline ? ` ${inline}` : ""} ${POSTCODE_SCRIPT}${toss(TOSS_SCRIPT)}${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Styles: inline on purpose. React renders style attributes, the ALTCHA widget injects a <style>, and a
    // cached page cannot carry a nonce for them; a nonce here would also switch 'unsafe-inline' off.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${toss(TOSS_ORIGINS)}`,
    `frame-src 'self' ${POSTCODE_FRAME}${toss(TOSS_ORIGINS)}`,
    // The ALTCHA proof of work solves in workers made from blob: URLs.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${toss(TOSS_ORIGINS)}`,
    "frame-ancestors 'none'",
  ];
  if (opts.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** The policy of everything that is not a page (JSON answers, files): nothing may load or frame it. */
export const NON_PAGE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Sent only on responses to requests that came over https (browsers ignore it on http anyway). */
export const HSTS = "max-age=63072000; includeSubDomains";

/** The headers every response carries, whatever it is (the CSP and HSTS are added per kind and per request). */
export function commonHeaders(opts: Pick<PolicyOptions, "tossWidget">): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Features the shop never uses are off for it and for every frame; the Payment Request API stays
    // available to Toss's frames when the widget is on (card and easy-pay flows may use it).
    "permissions-policy": `camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=(self${opts.tossWidget ? ` "${TOSS_ORIGINS}"` : ""})`,
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
  };
}

/** A fresh nonce: 128 random bits. */
export const newNonce = () => randomBytes(16).toString("base64");

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /\ssrc\s*=/i;

/**
 * The CSP hash sources ('sha256-…') of a page's inline scripts, as a browser computes them: over the
 * element's text, after the HTML parser turned CR LF and CR into LF. External scripts (src) need none.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attrs, text] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attrs) || text === "") continue;
    const digest = createHash("sha256").update(text.replace(/\r\n?/g, "\n"), "utf8").digest("base64");
    hashes.add(`'sha256-${digest}'`);
  }
  return [...hashes];
}

/**
 * Whether the request came over https: only a proxy we run can say so (X-Forwarded-Proto, read by the same
 * trusted-hops rule as the client's address, lib/client-address.ts; on Vercel, Vercel's own).
 */
export function cameOverHttps(forwardedProto: string | string[] | null | undefined, hops = env.VERCEL ? 1 : trustedHops): boolean {
  const value = Array.isArray(forwardedProto) ? forwardedProto.join(",") : forwardedProto;
  return protoFromChain(value, hops) === "https";
}

/** The shop's own policy options, from the environment. */
export const shopPolicyOptions = (): PolicyOptions => ({
  tossWidget: Boolean(env.NEXT_PUBLIC_TOSS_CLIENT_KEY),
  https: env.APP_URL.startsWith("https:"),
  dev: env.NODE_ENV === "development",
});
