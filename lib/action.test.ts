import { describe, expect, test } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { echoValues, formText, runAction, runFormAction } from "./action";
import { formErrorKey } from "./action-state";

const schema = z.object({ name: z.string().min(2, { error: "too_short" }), qty: z.number({ error: "not_a_number" }) });

describe("runAction", () => {
  test("parses the input with the schema first and keeps every field error", async () => {
    let ran = false;
    const r = await runAction(schema, { name: "x", qty: "1" }, async () => void (ran = true));
    expect(ran).toBe(false);
    expect(r).toEqual({ ok: false, error: { code: "VALIDATION", message: "Invalid input", fields: { name: ["too_short"], qty: ["not_a_number"] } } });
    expect(await runAction(schema, { name: "xy", qty: 1 }, async (d) => d.qty + 1)).toEqual({ ok: true, data: 2 });
  });

  test("an AppError is a value with its code and retry delay; anything else is INTERNAL", async () => {
    const limited = await runAction(async () => {
      throw new AppError("RATE_LIMITED", "slow down", undefined, { retryAfter: 7 });
    });
    expect(limited).toEqual({ ok: false, error: { code: "RATE_LIMITED", message: "slow down", fields: undefined, retryAfter: 7 } });
    expect(formErrorKey(limited)).toBe("rateLimited");
    const bug = await runAction(async () => {
      throw new Error("bug");
    });
    expect(bug).toEqual({ ok: false, error: { code: "INTERNAL", message: "Something went wrong" } });
  });
});

describe("runFormAction", () => {
  const form = new FormData();
  form.set("email", "a@b.c");
  form.set("password", "secret");
  form.set("$ACTION_ID_1", "x");

  test("a failure carries the typed values back, never passwords; unexpected errors go on to Next", async () => {
    const r = await runFormAction(
      async () => {
        throw new AppError("VALIDATION", "Invalid input", { email: ["invalid_email"] });
      },
      { echo: form },
    );
    expect(r).toEqual({ ok: false, error: { code: "VALIDATION", message: "Invalid input", fields: { email: ["invalid_email"] } }, values: { email: "a@b.c" } });
    expect(formErrorKey(r)).toBeNull();
    expect(echoValues(form)).toEqual({ email: "a@b.c" });
    await expect(runFormAction(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  });

  test("form messages: unauthenticated, generic, none before a submit or after a success", async () => {
    expect(formErrorKey(await runFormAction(async () => Promise.reject(new AppError("UNAUTHENTICATED", "x"))))).toBe("unauthenticated");
    expect(formErrorKey(await runFormAction(async () => Promise.reject(new AppError("CONFLICT", "x"))))).toBe("generic");
    expect(formErrorKey(null)).toBeNull();
    expect(formErrorKey(await runFormAction(async () => undefined))).toBeNull();
  });
});
describe("form action arguments", () => {
  // Found by the fuzz suite (test/fuzz): anyone can call a form action with a JSON array of arguments.
  test("anything but a FormData reads as an empty form instead of throwing", () => {
    for (const notAForm of [undefined, null, "locale", 1, {}, [], { get: 1 }]) {
      expect(formText(notAForm as unknown as FormData, "email")).toBeUndefined();
      expect(echoValues(notAForm as unknown as FormData)).toEqual({});
    }
    const form = new FormData();
    form.set("email", "a@b.c");
    expect(formText(form, "email")).toBe("a@b.c");
  });
});
