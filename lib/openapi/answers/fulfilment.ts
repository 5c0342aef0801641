// Answers of the fulfilment API: shipping (one order or a CSV of them), return decisions and the shop's timers.
import { z } from "zod";
import type { bulkShip } from "@/lib/fulfilment/bulk";
import type { approveReturn, refuseReturn } from "@/lib/fulfilment/returns";
import type { getTimerSettings, updateTimerSettings } from "@/lib/fulfilment/settings";
import type { shipOrder } from "@/lib/fulfilment/shipping";
import { fits, type Sent } from "../fits";
import { count, orderStatus, str } from "../responses";

export const shippedSchema = fits(z.looseObject({ result: z.enum(["shipped", "updated", "unchanged"]) }))<Sent<typeof shipOrder>>();

/** A repeat of the same decision answers `already`; the order's status after it. */
export const returnDecisionSchema = fits(z.looseObject({ result: z.enum(["done", "already"]), status: orderStatus }))<Sent<typeof approveReturn>>();
fits(returnDecisionSchema)<Sent<typeof refuseReturn>>();

const rowResult = z.enum(["shipped", "updated", "unchanged", "skipped", "error"]);
export const bulkShippedSchema = fits(
  z.looseObject({
    rows: z.array(z.looseObject({ line: count.describe("The CSV line"), orderId: str, result: rowResult, error: str.optional() })),
    counts: z.looseObject({ shipped: count, updated: count, unchanged: count, skipped: count, error: count }),
  }),
)<Sent<typeof bulkShip>>();

const seconds = z.number().int().nonnegative();
const timers = z.looseObject({ autoShipSeconds: seconds.nullable(), autoDeliverSeconds: seconds.nullable(), autoCompleteReturnSeconds: seconds.nullable() });
/** null = the deployment default, 0 = off. */
export const timerSettingsAnswerSchema = fits(
  z.looseObject({ timers, defaults: z.looseObject({ autoShipSeconds: seconds, autoDeliverSeconds: seconds, autoCompleteReturnSeconds: seconds }) }),
)<Sent<typeof getTimerSettings>>();
fits(timerSettingsAnswerSchema)<Sent<typeof updateTimerSettings>>();
