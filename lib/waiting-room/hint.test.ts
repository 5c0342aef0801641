// The buy path's memory of which drops need a pass: only ever a reason to refuse, and only for a moment.
import { describe, expect, it } from "vitest";
import { RoomHint } from "./hint";

describe("RoomHint", () => {
  it("remembers a drop that needs a pass for two seconds, and forgets it when told the room is off", () => {
    let now = 0;
    const hint = new RoomHint(() => now);
    expect(hint.requiresPass("p")).toBe(false);
    hint.learn("p", true);
    expect(hint.requiresPass("p")).toBe(true);
    now = 1999;
    expect(hint.requiresPass("p")).toBe(true);
    now = 2000;
    expect(hint.requiresPass("p")).toBe(false);
    hint.learn("p", true);
    hint.learn("p", false);
    expect(hint.requiresPass("p")).toBe(false);
  });
});
