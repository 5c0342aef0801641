// The client address range an address belongs to, for telling fleets apart from crowds: IPv4 /24 and
// IPv6 /48 (what one host, office or small provider allocation typically holds) — or /64 (one subnet: one
// home or phone) where a range is capped rather than only flagged (the waiting room). Pure, no I/O.
import { isIPv4, isIPv6 } from "node:net";

/**
 * "203.0.113.0/24" or "2001:db8:1::/48" ("2001:db8:1:2::/64" with `v6Prefix` 64); null for anything that is
 * not an IP address ("unknown").
 */
export function addressRange(ip: string | null | undefined, v6Prefix: 48 | 64 = 48): string | null {
  if (!ip) return null;
  let a = ip.trim();
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);
  // IPv4-mapped IPv6 (::ffff:203.0.113.7), as Node reports IPv4 clients on a dual-stack socket.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  if (isIPv4(a)) return `${a.split(".").slice(0, 3).join(".")}.0/24`;
  if (!isIPv6(a)) return null;
  const groups = expandIPv6(a);
  return `${groups.slice(0, v6Prefix / 16).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/${v6Prefix}`;
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex (an embedded IPv4 tail is converted). */
function expandIPv6(a: string): string[] {
  let s = a.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (v4) {
    const [b1, b2, b3, b4] = v4.slice(1).map(Number);
    s = s.slice(0, v4.index) + `${((b1 << 8) | b2).toString(16)}:${((b3 << 8) | b4).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, null];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === null ? [] : Array(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => g.padStart(4, "0"));
}
