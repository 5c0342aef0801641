"use server";
// Server actions of the account pages: thin adapters over the same services as the JSON API.
// (Next checks the Origin of server actions itself.)
import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { echoValues, formText, runFormAction, type ActionResult, type ActionState } from "@/lib/action";
import { sessionCookieName } from "@/lib/auth/cookie";
import { signIn, signOut } from "@/lib/auth/config";
import { getPageUser, requireActionUser, requirePageUser, safeCallbackUrl } from "@/lib/auth/guards";
import { getLocale } from "@/lib/i18n/server";
import { signInSchema } from "@/lib/auth/schemas";
import { fieldErrors, idSchema } from "@/lib/validation";
import { changePassword, deleteAccount, updateProfile } from "./profile";
import { clientIp } from "@/lib/client-address";
import { revokeAllSessions, revokeSession } from "@/lib/auth/session";
import { resendVerification, signUp, verifyEmail } from "./signup";
import { consentBoxes } from "./form-input";
import { setMarketingConsent } from "./consent";
import { sendSetPasswordLink } from "./password-reset";

export async function signUpAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  const input = {
    role: formText(form, "role"),
    email: formText(form, "email"),
    password: formText(form, "password"),
    name: formText(form, "name"),
    phone: formText(form, "phone"),
    address: formText(form, "address"),
    shopName: formText(form, "shopName"),
    ...consentBoxes(form),
    locale: await getLocale(),
  };
  const ip = clientIp(await headers());
  return runFormAction(async () => void (await signUp(input, { ip })), { echo: form });
}

export async function signInAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  const input = { email: formText(form, "email") ?? "", password: formText(form, "password") ?? "" };
  // An empty or malformed field is said per field, as in every other form; it tells nothing about accounts.
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "VALIDATION", message: "Invalid input", fields: fieldErrors(parsed.error) }, values: echoValues(form) };
  try {
    await signIn("credentials", {
      ...input,
      redirectTo: safeCallbackUrl(formText(form, "callbackUrl")),
    });
    return { ok: true, data: undefined };
  } catch (err) {
    // Auth.js redirects by throwing NEXT_REDIRECT: only its own errors are form state.
    if (err instanceof CredentialsSignin) {
      const error = err.code === "rate_limited" ? { code: "RATE_LIMITED" as const, message: "Too many attempts, try again later" } : { code: "UNAUTHENTICATED" as const, message: "Wrong email or password" };
      return { ok: false, error, values: echoValues(form) };
    }
    if (err instanceof AuthError) return { ok: false, error: { code: "INTERNAL", message: "Sign-in failed" } };
    throw err;
  }
}

export async function signOutAction(): Promise<void> {
  const user = await getPageUser();
  if (user) await revokeSession(user.id, user.sessionId);
  await signOut({ redirectTo: "/" });
}

export async function verifyAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  return runFormAction(async () => void (await verifyEmail(formText(form, "token") ?? "")));
}

export async function resendAction(): Promise<ActionResult> {
  return runFormAction(async () => {
    const user = await requireActionUser();
    await resendVerification(user.id, await getLocale());
  });
}

export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  return runFormAction(
    async () => {
      const user = await requireActionUser();
      const input: Record<string, string | null | undefined> = { name: formText(form, "name"), phone: formText(form, "phone"), address: formText(form, "address") || null };
      const shopName = formText(form, "shopName");
      if (shopName !== undefined) input.shopName = shopName;
      await updateProfile(user.id, input);
      revalidatePath("/account");
    },
    { echo: form },
  );
}

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  return runFormAction(async () => {
    const user = await requireActionUser();
    await changePassword(user.id, user.sessionId, { currentPassword: formText(form, "currentPassword"), newPassword: formText(form, "newPassword") });
    revalidatePath("/account");
  });
}

/** An account without a password (Kakao / Naver) asks for the set-password link (docs/accounts.md). */
export async function sendSetPasswordLinkAction(): Promise<ActionResult> {
  return runFormAction(async () => {
    const user = await requireActionUser();
    await sendSetPasswordLink(user.id);
  });
}

export async function deleteAccountAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  const result = await runFormAction(async () => {
    const user = await requireActionUser();
    await deleteAccount(user.id, { password: formText(form, "password"), confirmEmail: formText(form, "confirmEmail") });
  });
  if (!result.ok) return result;
  (await cookies()).delete(sessionCookieName);
  redirect("/signin?deleted=1");
}

// Plain <form action> actions with no form state to carry an error: a signed-out caller (an expired
// session) is sent to sign-in, as a page would, rather than thrown at (a 500; found by test/fuzz).
export async function revokeSessionAction(form: FormData): Promise<void> {
  const user = await requirePageUser("/account");
  const id = formText(form, "sessionId") ?? "";
  if (!idSchema.safeParse(id).success) return;
  await revokeSession(user.id, id);
  if (id === user.sessionId) {
    (await cookies()).delete(sessionCookieName);
    redirect("/signin");
  }
  revalidatePath("/account");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requirePageUser("/account");
  await revokeAllSessions(user.id);
  (await cookies()).delete(sessionCookieName);
  redirect("/signin");
}

export async function setMarketingConsentAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  return runFormAction(async () => {
    const user = await requireActionUser();
    await setMarketingConsent(user.id, { marketing: formText(form, "marketing") === "1" });
    revalidatePath("/account");
  });
}
