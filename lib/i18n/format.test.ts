import { describe, expect, it, vi } from "vitest";
import { formatDateTime, formatDuration, formatPrice, formatTime, kstParts } from "./format";

describe("formatPrice", () => {
  it("shows won with ko-KR grouping", () => {
    expect(formatPrice(1234500)).toBe("₩1,234,500");
    expect(formatPrice(0)).toBe("₩0");
    expect(formatPrice(999)).toBe("₩999");
    expect(formatPrice(-1000)).toBe("-₩1,000");
  });
});

describe("dates and times in Korean time, whatever the runtime's zone and ICU data", () => {
  // 2026-11-29T17:41:05Z is 30 November, 02:41:05 in Seoul.
  const night = "2026-11-29T17:41:05Z";
  const afternoon = new Date("2026-11-30T05:41:00Z"); // 14:41 in Seoul

  it("formats a date and time in both languages", () => {
    expect(formatDateTime(night, "ko")).toBe("2026. 11. 30. 오전 2:41");
    expect(formatDateTime(night, "en")).toBe("Nov 30, 2026, 2:41 AM");
    expect(formatDateTime(afternoon, "ko")).toBe("2026. 11. 30. 오후 2:41");
    expect(formatDateTime(afternoon, "en")).toBe("Nov 30, 2026, 2:41 PM");
  });

  it("says 12 at noon and midnight", () => {
    expect(formatTime("2026-11-29T15:00:00Z", "ko")).toBe("오전 12:00");
    expect(formatTime("2026-11-30T03:00:00Z", "en")).toBe("12:00 PM");
    expect(formatTime(night, "ko", { seconds: true })).toBe("오전 2:41:05");
  });

  it("never asks the runtime's ICU (this Node prints \"AM 2:41\" for ko-KR; a browser prints \"오전 2:41\")", () => {
    const real = globalThis.Intl;
    const spy = vi.spyOn(Date.prototype, "toLocaleString").mockImplementation(() => "ICU");
    try {
      // Any use of Intl or toLocale* would throw or leak "ICU" into the output.
      (globalThis as { Intl: unknown }).Intl = new Proxy({}, { get: () => { throw new Error("Intl used"); } });
      expect(formatDateTime(night, "ko")).toBe("2026. 11. 30. 오전 2:41");
      expect(formatTime(night, "en", { seconds: true })).toBe("2:41:05 AM");
      expect(formatPrice(1000)).toBe("₩1,000");
    } finally {
      globalThis.Intl = real;
      spy.mockRestore();
    }
  });

  it("crosses the day and year in Seoul, not in UTC", () => {
    expect(kstParts("2026-12-31T15:00:00Z")).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });

  it("formats short durations", () => {
    expect(formatDuration(12_340, "ko")).toBe("12.3초");
    expect(formatDuration(540_000, "ko")).toBe("9분 0초");
    expect(formatDuration(540_000, "en")).toBe("9m 0s");
    expect(formatDuration(7_500_000, "en")).toBe("2h 5m");
  });
});
