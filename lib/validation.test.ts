import { describe, expect, test } from "vitest";
import { z } from "zod";
import { calendarDay, fieldErrors, hasForbiddenCharacters, isoDay, isoInstant, text } from "./validation";

const issues = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.message))];
};

describe("text", () => {
  test("normalizes to NFC and trims, and caps the normalized length", () => {
    const decomposed = "  Cafe\u0301  ";
    expect(text(4).parse(decomposed)).toBe("Caf\u00e9");
    expect(text(4).parse(decomposed).length).toBe(4);
    expect(issues(text(3), decomposed)).toEqual(["too_long"]);
    // Hangul typed as jamo (NFD) becomes the syllables a Korean reader sees.
    expect(text(2).parse("\u1112\u1161\u11AB\u1100\u1173\u11AF")).toBe("한글");
  });

  test("refuses NUL and every other control character in a single-line field", () => {
    for (const c of ["\0", "\x07", "\n", "\r", "\t", "\x1b", "\x7f", "\x85", "\u202E", "\u2066", "\uFFFF", "\uD800"]) {
      expect(issues(text(50), `a${c}b`), JSON.stringify(c)).toEqual(["invalid_characters"]);
    }
  });

  test("a multi-line field keeps newline and tab, turns CRLF into LF and still refuses NUL", () => {
    const multi = text(50, { multiline: true });
    expect(multi.parse("line 1\r\nline 2\r\tend")).toBe("line 1\nline 2\n\tend");
    expect(issues(multi, "a\0b")).toEqual(["invalid_characters"]);
    expect(issues(multi, "a\x0bb")).toEqual(["invalid_characters"]);
  });

  test("keeps emoji sequences, Korean and other scripts' joiners", () => {
    const family = "👨\u200D👩\u200D👧";
    expect(text(20).parse(`가방 ${family} نص\u200C`)).toBe(`가방 ${family} نص\u200C`);
  });

  test("takes the schema's own messages, keeps passwords' spaces and chains like any string", () => {
    const s = text(5, { tooLong: "At most 5", invalidCharacters: "No control characters", error: "Must be text" });
    expect(issues(s, "123456")).toEqual(["At most 5"]);
    expect(issues(s, "a\0")).toEqual(["No control characters"]);
    expect(issues(s, 5)).toEqual(["Must be text"]);
    expect(text(10, { trim: false }).parse(" pw ")).toBe(" pw ");
    expect(issues(text(10).min(1, { error: "required" }), "   ")).toEqual(["required"]);
    expect(hasForbiddenCharacters("tab\there", true)).toBe(false);
  });
});

describe("dates", () => {
  test("calendarDay accepts real days only: no rollover, no month 13, no far years", () => {
    expect(calendarDay("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(calendarDay("2026-12-31")).toEqual({ year: 2026, month: 12, day: 31 });
    for (const bad of ["2026-02-29", "2026-02-31", "2026-04-31", "9999-99-99", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "1999-12-31", "3000-01-01", "2026-1-01", "2026-01-01x", " 2026-01-01", "2026-01-01\0"]) {
      expect(calendarDay(bad), bad).toBeNull();
    }
  });

  test("isoDay keeps the text and answers with the given code", () => {
    expect(isoDay().parse("2026-11-30")).toBe("2026-11-30");
    expect(issues(isoDay(), "9999-99-99")).toEqual(["invalid_date"]);
    expect(issues(isoDay("bad day"), "2026-02-31")).toEqual(["bad day"]);
    expect(issues(isoDay(), "2026-02-31\0")).toEqual(["invalid_date"]);
  });

  test("isoInstant needs an offset and a real day, and gives a Date", () => {
    expect(isoInstant().parse("2026-11-30T10:00:00+09:00").toISOString()).toBe("2026-11-30T01:00:00.000Z");
    expect(isoInstant().parse("2028-02-29T00:00:00Z").toISOString()).toBe("2028-02-29T00:00:00.000Z");
    for (const bad of ["2026-02-31T00:00:00+09:00", "9999-99-99T00:00:00Z", "0000-01-01T00:00:00Z", "2026-11-30T10:00:00", "2026-11-30", "tomorrow", "2026-11-30T25:00:00Z"]) {
      expect(issues(isoInstant(), bad), bad).toEqual(["invalid_date"]);
    }
  });
});

describe("fieldErrors", () => {
  test("names each field once per message, even when two checks of one rule fail", () => {
    const schema = z.object({ from: isoDay(), name: text(3) });
    const r = schema.safeParse({ from: "2026-02-31\0", name: "long\0" });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!)).toEqual({ from: ["invalid_date"], name: ["invalid_characters", "too_long"] });
  });
});
