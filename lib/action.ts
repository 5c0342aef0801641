import "server-only";
// The one server-action wrapper: expected failures (AppError) become an ActionResult with the same code,
// message and every field error as the JSON API; input can be validated with the same zod schema first.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { parseInput } from "@/lib/validation";
import type { ActionResult } from "./action-state";

export type { ActionResult, ActionState } from "./action-state";

const failure = (err: AppError, values?: Record<string, string>): ActionResult<never> => {
  const retryAfter = Number(err.extra?.retryAfter) || undefined;
  return { ok: false, error: { code: err.code, message: err.message, fields: err.fields, ...(retryAfter && { retryAfter }) }, ...(values && { values }) };
};

/**
 * Runs an action called from client code (buttons, optimistic updates); with a schema, `input` is parsed
 * first. An unexpected error is logged and answered as INTERNAL, so the caller always gets a result.
 */
export function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>>;
export function runAction<S extends z.ZodType, T>(schema: S, input: unknown, fn: (data: z.output<S>) => Promise<T>): Promise<ActionResult<T>>;
export async function runAction<T>(...args: [() => Promise<T>] | [z.ZodType, unknown, (data: unknown) => Promise<T>]): Promise<ActionResult<T>> {
  try {
    const data = args.length === 1 ? await args[0]() : await args[2](parseInput(args[0], args[1]));
    return { ok: true, data };
  } catch (err) {
    if (err instanceof AppError) return failure(err);
    log.error({ err }, "server action failed");
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong" } };
  }
}

/**
 * Runs a form action (useActionState). Unexpected errors go on to Next (its error boundary, or a
 * redirect); with `echo`, a failure carries the form's text fields back, passwords excepted.
 */
export async function runFormAction<T>(fn: () => Promise<T>, opts: { echo?: FormData } = {}): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return failure(err, opts.echo && echoValues(opts.echo));
  }
}

// A form action's argument is whatever the caller encoded — anyone can post a JSON array instead of a form:
// anything but a FormData reads as an empty form, so validation answers instead of a TypeError (a 500).

/** The form's text fields except passwords and Next's internal fields. */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  if (!(form instanceof FormData)) return values;
  for (const [k, v] of form) if (typeof v === "string" && !/password/i.test(k) && !k.startsWith("$")) values[k] = v;
  return values;
}

export const formText = (form: FormData, name: string): string | undefined => {
  const v = form instanceof FormData ? form.get(name) : null;
  return typeof v === "string" ? v : undefined;
};
