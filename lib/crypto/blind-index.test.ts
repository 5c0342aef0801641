import { describe, expect, test } from "vitest";
import { blindIndex, emailIndex } from "./blind-index";

const key = "test-blind-index-key-0123456789abcdef";

describe("email blind index", () => {
  test("is deterministic and ignores case and surrounding spaces", () => {
    expect(emailIndex("  Kim@Example.COM ", key)).toBe(emailIndex("kim@example.com", key));
  });
  test("differs between addresses and does not reveal the address", () => {
    const a = emailIndex("kim@example.com", key);
    expect(a).not.toBe(emailIndex("lee@example.com", key));
    expect(a).not.toContain("kim");
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
  test("depends on the key (a dump without the key cannot be matched)", () => {
    expect(blindIndex("kim@example.com", key)).not.toBe(blindIndex("kim@example.com", `${key}x`));
  });
});
