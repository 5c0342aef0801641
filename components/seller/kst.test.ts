import { describe, expect, test } from "vitest";
import { fromKstInput } from "./kst";

describe("fromKstInput", () => {
  test("a Korean wall-clock time becomes its instant", () => {
    expect(fromKstInput("2026-11-30T10:00")).toBe("2026-11-30T01:00:00.000Z");
    expect(fromKstInput("")).toBeNull();
  });
  test("a day that does not exist stays raw text (the server answers invalid_date) instead of rolling over", () => {
    expect(fromKstInput("2026-02-31T10:00")).toBe("2026-02-31T10:00");
    expect(fromKstInput("9999-99-99T10:00")).toBe("9999-99-99T10:00");
  });
});
