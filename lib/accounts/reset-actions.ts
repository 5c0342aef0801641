"use server";
// Server actions of "forgot password" and "choose a new password": the same services as the JSON API.
import { headers } from "next/headers";
import { formText, runFormAction, type ActionResult, type ActionState } from "@/lib/action";
import { clientIp } from "@/lib/client-address";
import { requestPasswordReset, resetPassword } from "./password-reset";

export async function requestResetAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  const ip = clientIp(await headers());
  // The mail goes out in the account's own language (chosen at sign-up), not the asker's.
  return runFormAction(async () => void (await requestPasswordReset({ email: formText(form, "email") }, { ip })), { echo: form });
}

export async function resetPasswordAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  return runFormAction(async () => void (await resetPassword({ token: formText(form, "token"), password: formText(form, "password") })));
}
