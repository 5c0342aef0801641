"use server";
// Kakao / Naver: starting a sign-in (Auth.js redirects to the provider) and finishing a new member's
// sign-up with the consents, which opens the session the same way a password sign-in does.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { formText, runFormAction, type ActionResult, type ActionState } from "@/lib/action";
import { encodeSessionToken, secureCookies, SESSION_MAX_AGE_S, sessionCookieName } from "@/lib/auth/cookie";
import { signIn } from "@/lib/auth/config";
import { safeCallbackUrl } from "@/lib/auth/guards";
import { enabledSocialProviders, isSocialProvider } from "@/lib/auth/oauth-providers";
import { getLocale } from "@/lib/i18n/server";
import { consentBoxes } from "./form-input";
import { completeSocialSignUp } from "./social-signup";

export async function socialSignInAction(form: FormData): Promise<void> {
  const provider = formText(form, "provider");
  if (!isSocialProvider(provider) || !enabledSocialProviders().includes(provider)) redirect("/signin");
  await signIn(provider, { redirectTo: safeCallbackUrl(formText(form, "callbackUrl")) });
}

export async function completeSocialSignUpAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  const input = { ticket: formText(form, "ticket"), name: formText(form, "name"), phone: formText(form, "phone"), ...consentBoxes(form), locale: await getLocale() };
  const userAgent = (await headers()).get("user-agent");
  const result = await runFormAction(() => completeSocialSignUp(input, { userAgent }), { echo: form });
  if (!result.ok) return result;
  const value = await encodeSessionToken({ sub: result.data.userId, sid: result.data.sessionId });
  (await cookies()).set(sessionCookieName, value, { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: SESSION_MAX_AGE_S });
  redirect("/account");
}
