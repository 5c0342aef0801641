// Small helpers for the accounts route handlers.

/** The locale a mail should use: the body's, else the locale cookie, else Korean. */
export function requestLocale(req: Request): "ko" | "en" {
  return /(?:^|;\s*)locale=en(?:;|$)/.test(req.headers.get("cookie") ?? "") ? "en" : "ko";
}
