// Small helpers for the accounts route handlers.
import { AppError } from "@/lib/errors";

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("BAD_REQUEST", "Request body must be JSON");
  }
}

/** The locale a mail should use: the body's, else the locale cookie, else Korean. */
export function requestLocale(req: Request): "ko" | "en" {
  return /(?:^|;\s*)locale=en(?:;|$)/.test(req.headers.get("cookie") ?? "") ? "en" : "ko";
}
