// Every background job of the shop. A domain adds its definitions here (one import, one spread).
import { cartJobs } from "@/lib/cart/jobs";
import { mailJobs } from "@/lib/mail/jobs";
import { orderJobs } from "@/lib/orders/lifecycle/jobs";
import { paymentJobs } from "@/lib/payments/jobs";
import type { JobDefinition } from "./types";

export const jobs: JobDefinition[] = [...mailJobs, ...orderJobs, ...cartJobs, ...paymentJobs];

export const findJob = (queue: string) => jobs.find((j) => j.queue === queue);
