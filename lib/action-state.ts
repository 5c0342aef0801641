// What every server action answers (useActionState, or awaited by a client component): expected failures
// are values carrying the shop's error code and every field error, never exceptions. No server code here:
// client components read these types and formErrorKey.
import type { ErrorCode, FieldErrors } from "@/lib/errors";

export type ActionError = { code: ErrorCode; message: string; fields?: FieldErrors; retryAfter?: number };

export type ActionResult<T = void> =
  | { ok: true; data: T }
  /** `values`: what was typed (never passwords), so a form that failed shows it again after React resets it. */
  | { ok: false; error: ActionError; values?: Record<string, string> };

/** A form's state before its first submit is null. */
export type ActionState<T = void> = ActionResult<T> | null;

/** The failure in a state, if it is one. */
export const failureOf = <T>(state: ActionState<T>) => (state && !state.ok ? state : null);

/** The form message for a failed state (a key of messages.accounts.errors); none when the fields say what is wrong. */
export function formErrorKey<T>(state: ActionState<T>): "rateLimited" | "unauthenticated" | "generic" | null {
  const failed = failureOf(state);
  if (!failed) return null;
  if (failed.error.code === "RATE_LIMITED") return "rateLimited";
  if (failed.error.code === "UNAUTHENTICATED") return "unauthenticated";
  return failed.error.fields ? null : "generic";
}
