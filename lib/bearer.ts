import "server-only";
// Shared-secret bearer checks (the cron trigger, the metrics scrape).
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Whether the request carries `Authorization: Bearer <secret>`; compared as digests, so constant time whatever the lengths. */
export function hasBearer(req: Request, secret: string): boolean {
  return timingSafeEqual(digest(req.headers.get("authorization") ?? ""), digest(`Bearer ${secret}`));
}
