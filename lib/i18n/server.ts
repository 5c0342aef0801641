import "server-only";
import { cookies } from "next/headers";
import { defaultLocale, isLocale, localeCookie, type Locale } from "./config";
import { messages, type Messages } from "./messages";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(localeCookie)?.value;
  return isLocale(value) ? value : defaultLocale;
}

/** The current locale's messages, for server components: `const t = await getMessages(); t.common.retry`. */
export async function getMessages(): Promise<Messages> {
  return messages[await getLocale()];
}
