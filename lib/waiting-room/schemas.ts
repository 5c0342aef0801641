// Inputs of the waiting room's API (zod only; the page and the server share them).
import { z } from "zod";
import { text } from "@/lib/validation";

/** POST /api/waiting-room/{productId}/enter: the ALTCHA widget's payload (base64 JSON). */
export const enterRoomSchema = z.object({
  altcha: text(8192, { error: "required", tooLong: "invalid", invalidCharacters: "invalid" }).min(1, { error: "required" }),
});

/** GET /api/waiting-room/{productId}?after=… — the fingerprint of the last answer the page has (long poll). */
export const roomStatusQuerySchema = z.object({ after: text(512, { tooLong: "invalid", invalidCharacters: "invalid" }).optional() });

export const ADMISSION_RATE_MAX = 100_000;
export const PRE_QUEUE_MINUTES_MAX = 24 * 60;
export const ROOM_CAP_MAX = 1_000_000;
/** A cap on places per drop: null = the deployment's default, 0 = no cap. */
const roomCap = z.number({ error: "whole_number" }).int({ error: "whole_number" }).min(0, { error: "invalid" }).max(ROOM_CAP_MAX, { error: "too_large" }).nullable();

/** A seller's room settings (lib/seller/schemas.ts adds them to a product's fields). */
export const roomSettingsFields = {
  waitingRoom: z.boolean({ error: "invalid" }),
  /** Buyers let through per second; null = auto (measured capacity). */
  admissionRate: z.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "rate_min" }).max(ADMISSION_RATE_MAX, { error: "too_large" }).nullable(),
  preQueueMinutes: z.number({ error: "whole_number" }).int({ error: "whole_number" }).min(0, { error: "invalid" }).max(PRE_QUEUE_MINUTES_MAX, { error: "too_large" }),
  /** Places one client address range (IPv4 /24, IPv6 /64) may take; null = WAITING_ROOM_RANGE_CAP. */
  roomRangeCap: roomCap,
  /** Places one device cookie may take; null = WAITING_ROOM_DEVICE_CAP. */
  roomDeviceCap: roomCap,
};
