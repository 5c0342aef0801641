// Sign-in inputs (zod only, shared by the sign-in form, Auth.js's credentials check and the sign-in lock).
// Error messages are codes (keys of messages.accounts.fieldErrors) so forms can show them in either language.
import { z } from "zod";
import { text } from "@/lib/validation";

export const emailSchema = text(254, { error: "required" })
  .min(1, { error: "required", abort: true })
  .pipe(z.email({ error: "invalid_email" }))
  .transform((e) => e.toLowerCase());

/** A password as typed: NFC (the same password typed on any keyboard hashes alike), spaces kept, no controls. */
export const passwordText = (max: number) => text(max, { error: "required", trim: false, tooLong: "password_too_long" }).min(1, { error: "required", abort: true });

export const signInSchema = z.object({ email: emailSchema, password: passwordText(256) });
