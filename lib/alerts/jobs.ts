// Alert jobs for the worker (listed in worker/registry.ts). All idempotent: scheduling sends a job whose id
// is derived from the opening, fan-outs claim each alert once (lib/alerts/fanout.ts), and a mail's id is
// derived from its alert. Handlers are arrows and names come from ./queues, so nothing here reads a
// service binding while loading (the registry is an import circle's usual entry).
import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";
import { fanOutOpening, fanOutRestock, sweepOpeningAlerts } from "./fanout";
import { sendAlertMail } from "./mail";
import { ALERT_MAIL_QUEUE, OPENING_DUE_QUEUE, OPENING_SET_QUEUE, OPENING_SWEEP_QUEUE, RESTOCKED_QUEUE } from "./queues";
import { OPENING_DUE_OPTIONS, scheduleOpeningAlerts } from "./schedule";

const openingPayload = z.object({ productId: z.uuid(), opensAt: z.iso.datetime() });
const restockedPayload = z.object({ productId: z.uuid(), variantId: z.uuid().nullable() });
const retry = { retryLimit: 5, retryDelay: 10, retryBackoff: true };

export const alertJobs = [
  defineJob({
    queue: OPENING_SET_QUEUE,
    handler: async (raw) => {
      const { productId, opensAt } = openingPayload.parse(raw);
      await scheduleOpeningAlerts(productId, new Date(opensAt));
    },
    options: retry,
  }),
  defineJob({
    queue: OPENING_DUE_QUEUE,
    handler: async (raw) => {
      const { productId, opensAt } = openingPayload.parse(raw);
      await fanOutOpening(productId, new Date(opensAt));
    },
    options: OPENING_DUE_OPTIONS,
  }),
  defineJob({
    queue: OPENING_SWEEP_QUEUE,
    schedule: "* * * * *",
    handler: async () => void (await sweepOpeningAlerts()),
    options: { retryLimit: 3, retryDelay: 5 },
  }),
  defineJob({
    queue: RESTOCKED_QUEUE,
    handler: async (raw) => {
      const { productId, variantId } = restockedPayload.parse(raw);
      await fanOutRestock(productId, variantId);
    },
    options: retry,
  }),
  defineJob({ queue: ALERT_MAIL_QUEUE, handler: async (raw) => void (await sendAlertMail(raw)), options: retry }),
];
