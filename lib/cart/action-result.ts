import "server-only";
// What a cart or wishlist server action answers: expected failures as values (the form shows them),
// with the same codes and field messages as the JSON API.
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { log } from "@/lib/log";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; fields?: FieldErrors } };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, fields: err.fields } };
    log.error({ err }, "server action failed");
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong" } };
  }
}
