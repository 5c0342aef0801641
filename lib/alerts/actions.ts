"use server";
// Server actions for the product page's alert buttons, the account page's list and the unsubscribe page: the
// same schemas and services as the route handlers under app/api/alerts. Guests get UNAUTHENTICATED (the
// buttons send them to sign in); asking needs a verified email (alerts are mails).
import { revalidatePath } from "next/cache";
import { runAction, runFormAction, formText, type ActionResult, type ActionState } from "@/lib/action";
import { assertVerified, requireActionUser } from "@/lib/auth/guards";
import { parseInput } from "@/lib/validation";
import { alertIdSchema, subscribeSchema, unsubscribeSchema, type AlertView } from "./schemas";
import { cancelAlert, subscribe, unsubscribeByToken } from "./service";

export async function subscribeAlertAction(input: unknown): Promise<ActionResult<{ alert: AlertView }>> {
  return runAction(subscribeSchema, input, async (data) => {
    const user = assertVerified(await requireActionUser());
    return { alert: (await subscribe(user.id, data)).alert };
  });
}

export async function cancelAlertAction(input: unknown): Promise<ActionResult<{ cancelled: true }>> {
  return runAction(alertIdSchema, input, async ({ alertId }) => {
    const user = await requireActionUser();
    await cancelAlert(user.id, alertId);
    return { cancelled: true as const };
  });
}

/** The account page's cancel buttons (a plain form per alert). */
export async function cancelAlertFormAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  return runFormAction(async () => {
    const user = await requireActionUser();
    const { alertId } = parseInput(alertIdSchema, { alertId: formText(form, "alertId") });
    await cancelAlert(user.id, alertId);
    revalidatePath("/account");
  });
}

/** The unsubscribe page's button: works signed out (the token is the proof). */
export async function unsubscribeAction(_prev: ActionState, form: FormData): Promise<ActionResult> {
  return runFormAction(async () => {
    const { token } = parseInput(unsubscribeSchema, { token: formText(form, "token") });
    await unsubscribeByToken(token);
  });
}
