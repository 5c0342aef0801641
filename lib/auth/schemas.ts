// Sign-in inputs (zod only, shared by the sign-in form, Auth.js's credentials check and the sign-in lock).
// Error messages are codes (keys of messages.accounts.fieldErrors) so forms can show them in either language.
import { z } from "zod";

export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required", abort: true })
  .max(254, { error: "too_long" })
  .pipe(z.email({ error: "invalid_email" }))
  .transform((e) => e.toLowerCase());

export const signInSchema = z.object({ email: emailSchema, password: z.string({ error: "required" }).min(1, { error: "required", abort: true }).max(256) });
