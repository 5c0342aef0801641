// Fulfilment inputs (zod only, shared by the seller's forms and the JSON API). Error messages are codes,
// keys of messages.fulfilment.fieldErrors.
import { z } from "zod";
import { text } from "@/lib/validation";
import { orderFilterSchema } from "@/lib/seller/schemas";
import { courierCodes, isTrackingNumber, normalizeTrackingNumber } from "./couriers";

/** Caps of one bulk upload: about 60 characters a row, so 1,000 rows fit well inside the text cap. */
export const MAX_CSV_CHARS = 200_000;
export const MAX_CSV_ROWS = 1000;
/** The JSON body of a bulk upload (Korean text is up to 3 bytes a character, plus JSON escapes). */
export const MAX_BULK_BODY_BYTES = 3 * MAX_CSV_CHARS + 1024;
/** One export holds at most this many orders (narrow the period for more). */
export const MAX_EXPORT_ROWS = 20_000;

export const courierSchema = z.enum(courierCodes, { error: "unknown_courier" });
const trackingNumber = text(40, { error: "required", tooLong: "invalid_tracking", invalidCharacters: "invalid_tracking" })
  .min(1, { error: "required", abort: true })
  .transform(normalizeTrackingNumber);

export const shipSchema = z
  .object({ courier: courierSchema, trackingNumber })
  .superRefine((v, ctx) => {
    if (!isTrackingNumber(v.courier, v.trackingNumber)) ctx.addIssue({ code: "custom", path: ["trackingNumber"], message: "invalid_tracking" });
  });

export const bulkShipSchema = z.object({
  csv: text(MAX_CSV_CHARS, { error: "required", multiline: true, tooLong: "csv_too_large", invalidCharacters: "csv_invalid" }).min(1, { error: "csv_empty" }),
});

export const refuseReturnSchema = z.object({ reason: text(500, { error: "required", multiline: true }).min(1, { error: "required" }) });

/** The seller's order list filters without paging: status and period (KST days). */
export const exportQuerySchema = orderFilterSchema.omit({ page: true });

/** A fallback timer: null = the deployment default, 0 = off, else 1 minute to 30 days. */
const timer = z
  .number({ error: "whole_number" })
  .int({ error: "whole_number" })
  .refine((n) => n === 0 || (n >= 60 && n <= 30 * 86_400), { error: "timer_range" })
  .nullable();
export const timerSettingsSchema = z.object({ autoShipSeconds: timer, autoDeliverSeconds: timer, autoCompleteReturnSeconds: timer }).partial().strict();

export type ShipInput = z.infer<typeof shipSchema>;
export type ExportQuery = z.infer<typeof exportQuerySchema>;
export type TimerSettings = z.infer<typeof timerSettingsSchema>;

/** One row of a bulk upload's answer. */
export type BulkRowResult = { line: number; orderId: string; result: "shipped" | "updated" | "unchanged" | "skipped" | "error"; error?: string };
