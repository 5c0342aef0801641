import { describe, expect, it } from "vitest";
import { addressRange } from "./address-range";

describe("addressRange", () => {
  it("IPv4 → its /24", () => {
    expect(addressRange("203.0.113.7")).toBe("203.0.113.0/24");
    expect(addressRange(" 10.1.2.255 ")).toBe("10.1.2.0/24");
  });
  it("IPv4-mapped IPv6 is the IPv4 /24", () => {
    expect(addressRange("::ffff:198.51.100.20")).toBe("198.51.100.0/24");
  });
  it("IPv6 → its /48, whatever the notation", () => {
    expect(addressRange("2001:db8:1:2::5")).toBe("2001:db8:1::/48");
    expect(addressRange("2001:0db8:0001:ffff:0:0:0:1")).toBe("2001:db8:1::/48");
    expect(addressRange("[2001:db8:abcd::1]")).toBe("2001:db8:abcd::/48");
    expect(addressRange("fe80::1%eth0")).toBe("fe80:0:0::/48");
    expect(addressRange("::1")).toBe("0:0:0::/48");
  });
  it("two hosts of one range share it; neighbours do not", () => {
    expect(addressRange("2001:db8:1:a::1")).toBe(addressRange("2001:db8:1:b::2"));
    expect(addressRange("2001:db8:1:a::1", 64)).toBe("2001:db8:1:a::/64");
    expect(addressRange("2001:db8:1:a::1", 64)).toBe(addressRange("2001:db8:1:a:ffff::2", 64));
    expect(addressRange("2001:db8:1:a::1", 64)).not.toBe(addressRange("2001:db8:1:b::1", 64));
    expect(addressRange("203.0.113.7", 64)).toBe("203.0.113.0/24");
    expect(addressRange("2001:db8:2::1")).not.toBe(addressRange("2001:db8:1::1"));
    expect(addressRange("192.0.2.1")).not.toBe(addressRange("192.0.3.1"));
  });
  it("anything else is null", () => {
    for (const v of ["unknown", "", null, undefined, "300.1.1.1", "1.2.3", "gibberish::x"]) expect(addressRange(v)).toBeNull();
  });
});
