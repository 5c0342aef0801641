// Stock and order jobs for the worker (listed in worker/registry.ts). All are idempotent: expiry and
// the lifecycle steps move each order with a guarded update, reconciliation only repairs figures that
// held still, mails and follow-up jobs carry deterministic ids.
import { z } from "zod";
import { text } from "@/lib/validation";
import { defineJob } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { reconcileStock } from "@/lib/stock/reconcile";
import { sweepUsedPasses } from "@/lib/waiting-room/used-passes";
import { advanceOrder, type StepName } from "./steps";
import { onOrderCreated, onOrderStatusChanged, ORDER_CREATED_TOPIC, ORDER_STATUS_CHANGED_TOPIC } from "./notify";
import { ADVANCE_QUEUE, ADVANCE_QUEUE_OPTIONS, advanceDueOrders } from "./schedule";
import { expireHolds } from "./holds";

export const ADVANCE_SWEEP_QUEUE = "orders-advance-sweep";
// Spelled out rather than read from steps.ts, so that nothing from it is used at module level (this
// file was once loaded inside an import circle through the job registry).
const stepList = ["ship", "deliver", "completeReturn"] as const satisfies readonly StepName[];
const advancePayload = z.object({ orderId: text(64).min(1), step: z.enum(stepList) });

export const EXPIRE_HOLDS_QUEUE = "orders-expire-holds";
export const RECONCILE_STOCK_QUEUE = "stock-reconcile";

export const orderJobs = [
  defineJob({
    queue: EXPIRE_HOLDS_QUEUE,
    schedule: "* * * * *",
    handler: async (_data, { jobId }) => {
      // Drain in batches so a large opening's expiries finish within one tick. Several workers may run
      // this at once: each order is ended by the one whose guarded update wins.
      let ended = 0;
      for (let i = 0, n = 500; i < 20 && n === 500; i++) ended += n = await expireHolds({ limit: 500 });
      // The waiting room's used passes whose pass has expired protect nothing any more (one indexed delete).
      const sweptPasses = await sweepUsedPasses();
      // Which worker ended how many (test/multi-instance.int.test.ts sums these across workers).
      log.debug({ jobId, ended, sweptPasses }, "hold expiry run");
    },
    options: { retryLimit: 3, retryDelay: 5 },
  }),
  defineJob({
    queue: RECONCILE_STOCK_QUEUE,
    schedule: "*/5 * * * *",
    handler: async () => {
      await reconcileStock();
    },
    options: { retryLimit: 2, retryDelay: 30 },
  }),
  defineJob({ queue: ORDER_CREATED_TOPIC, handler: onOrderCreated, options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } }),
  defineJob({ queue: ORDER_STATUS_CHANGED_TOPIC, handler: onOrderStatusChanged, options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } }),
  defineJob({
    queue: ADVANCE_QUEUE,
    handler: async (raw) => {
      const { orderId, step } = advancePayload.parse(raw);
      await advanceOrder(orderId, step);
    },
    options: ADVANCE_QUEUE_OPTIONS,
  }),
  defineJob({
    queue: ADVANCE_SWEEP_QUEUE,
    schedule: "* * * * *",
    handler: async () => {
      for (let i = 0; i < 20 && (await advanceDueOrders({ limit: 500 })) > 0; i++);
    },
    options: { retryLimit: 3, retryDelay: 5 },
  }),
];
