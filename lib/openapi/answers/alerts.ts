// Answers of the drop alert API (lib/alerts): a buyer's alerts, one asked for, and the unsubscribe link's outcome.
import { z } from "zod";
import { alertKinds, type AlertView } from "@/lib/alerts/schemas";
import type { listMyAlerts } from "@/lib/alerts/queries";
import type { unsubscribeByToken } from "@/lib/alerts/service";
import { fits, type Json, type Sent } from "../fits";
import { isoInstant, str } from "../responses";

/** AlertView (lib/alerts/schemas.ts). */
const alertSchema = fits(
  z.looseObject({
    id: z.uuid(),
    kind: z.enum(alertKinds),
    productId: z.uuid(),
    productName: str,
    image: str.nullable(),
    variantId: z.uuid().nullable().describe("The size a restock alert waits for; null for the whole product (and for opening alerts)"),
    variantLabel: str.nullable().describe("e.g. 사이즈 270; null without a size"),
    opensAt: isoInstant.nullable().describe("The drop's opening as it stands now"),
    sentAt: isoInstant.nullable().describe("When its mail went out (once per alert); null while it waits"),
    createdAt: isoInstant,
  }),
)<Json<AlertView>>();

export const alertListSchema = fits(z.looseObject({ alerts: z.array(alertSchema).describe("Not cancelled, newest first (at most 200)") }))<{ alerts: Sent<typeof listMyAlerts> }>();
/** Built inline by app/api/alerts/route.ts. */
export const alertAnswerSchema = fits(z.looseObject({ alert: alertSchema }))<{ alert: Json<AlertView> }>();
export const unsubscribedSchema = fits(z.looseObject({ alert: alertSchema, unsubscribed: z.literal(true) }))<Sent<typeof unsubscribeByToken>>();
