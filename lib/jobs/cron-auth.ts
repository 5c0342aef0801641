import "server-only";
// Who may start the job runner (app/api/cron/jobs): Vercel Cron sends `Authorization: Bearer ${CRON_SECRET}`.
// Without a configured secret the route is off (503), so a deployment that forgot it is no open trigger.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function requireCronSecret(req: Request): void {
  if (!env.CRON_SECRET) throw new AppError("CRON_DISABLED", "Scheduled jobs are off: CRON_SECRET is not set");
  // Compared as digests: constant time whatever the lengths.
  const given = digest(req.headers.get("authorization") ?? "");
  if (!timingSafeEqual(given, digest(`Bearer ${env.CRON_SECRET}`))) throw new AppError("UNAUTHENTICATED", "Wrong or missing cron secret");
}
