import "server-only";
// Who may start the job runner (app/api/cron/jobs): Vercel Cron sends `Authorization: Bearer ${CRON_SECRET}`.
// Without a configured secret the route is off (503), so a deployment that forgot it is no open trigger.
import { hasBearer } from "@/lib/bearer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function requireCronSecret(req: Request): void {
  if (!env.CRON_SECRET) throw new AppError("CRON_DISABLED", "Scheduled jobs are off: CRON_SECRET is not set");
  if (!hasBearer(req, env.CRON_SECRET)) throw new AppError("UNAUTHENTICATED", "Wrong or missing cron secret");
}
