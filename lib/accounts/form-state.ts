// What account server actions return to their forms: values, not exceptions (useActionState).
import { AppError, type FieldErrors } from "@/lib/errors";

export type FormState = {
  ok?: boolean;
  /** "rate_limited" | "unauthenticated" | "generic" | … — a key of messages.accounts.errors or signin. */
  error?: string;
  fields?: FieldErrors;
  retryAfter?: number;
  /** What was typed (never passwords), so a form that failed shows it again after React resets it. */
  values?: Record<string, string>;
};

export const initialFormState: FormState = {};

/** Expected failures become form state; anything else is rethrown (Next's error boundary). */
export function toFormState(err: unknown): FormState {
  if (!(err instanceof AppError)) throw err;
  if (err.code === "RATE_LIMITED") return { error: "rateLimited", retryAfter: Number(err.extra?.retryAfter) || undefined };
  if (err.code === "UNAUTHENTICATED") return { error: "unauthenticated" };
  if (err.fields) return { fields: err.fields };
  return { error: "generic" };
}

/** The form's text fields except passwords and Next's internal fields. */
export function echoValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string" && !/password/i.test(k) && !k.startsWith("$")) values[k] = v;
  return values;
}

export const formText = (form: FormData, name: string): string | undefined => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};
