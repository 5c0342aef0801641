// Every background job of the shop: the one place that wires the domains' jobs together. The worker
// (worker/index.ts) and the cron route (app/api/cron/jobs) hand this list to the runner in lib/jobs,
// which knows no domain. A domain adds its definitions here (one import, one spread).
import { alertJobs } from "@/lib/alerts/jobs";
import { cartJobs } from "@/lib/cart/jobs";
import type { JobDefinition } from "@/lib/jobs/types";
import { mailJobs } from "@/lib/mail/jobs";
import { orderJobs } from "@/lib/orders/lifecycle/jobs";
import { paymentJobs } from "@/lib/payments/jobs";

export const jobs: JobDefinition[] = [...mailJobs, ...orderJobs, ...cartJobs, ...paymentJobs, ...alertJobs];
