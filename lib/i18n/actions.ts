"use server";
// The language switch: a plain form posting here works with and without JavaScript.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { formText } from "@/lib/action";
import { isLocale, localeCookie } from "./config";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formText(formData, "locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  revalidatePath("/", "layout");
}
