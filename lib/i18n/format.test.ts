import { describe, expect, it } from "vitest";
import { formatPrice } from "./format";

describe("formatPrice", () => {
  it("shows won with ko-KR grouping", () => {
    expect(formatPrice(1234500)).toBe("₩1,234,500");
    expect(formatPrice(0)).toBe("₩0");
  });
});
